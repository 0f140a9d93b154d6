package no.innforing.security;

import java.util.HashSet;
import java.util.Set;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The groups {@link MunicipalityAccess} created in the current transaction, which cannot have authorizations yet;
 * forgotten when the transaction ends. Outside a transaction nothing is remembered.
 */
final class GroupsCreatedInTransaction {

    private static final Object KEY = GroupsCreatedInTransaction.class;

    private GroupsCreatedInTransaction() {
    }

    static void add(String groupId) {
        Set<String> groups = current(true);
        if (groups != null) {
            groups.add(groupId);
        }
    }

    static boolean contains(String groupId) {
        Set<String> groups = current(false);
        return groups != null && groups.contains(groupId);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Set<String> groups = (Set<String>) TransactionSynchronizationManager.getResource(KEY);
        if (groups == null && create) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(KEY, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            groups = fresh;
        }
        return groups;
    }
}
