package no.innforing.project;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The open projects already looked up in the current transaction, municipality number → project (the managed entity
 * of the transaction's persistence context); forgotten when the transaction ends. See
 * {@link ProjectService#openProject(String)}.
 */
final class OpenProjectsInTransaction {

    private static final Object KEY = OpenProjectsInTransaction.class;

    private OpenProjectsInTransaction() {
    }

    /** The current transaction's map, or {@code null} outside a transaction. */
    @SuppressWarnings("unchecked")
    static Map<String, ImplementationProject> current() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<String, ImplementationProject> known = (Map<String, ImplementationProject>) TransactionSynchronizationManager.getResource(KEY);
        if (known == null) {
            Map<String, ImplementationProject> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            known = fresh;
        }
        return known;
    }
}
