package no.innforing.project;

import java.util.HashMap;
import java.util.Map;
import no.innforing.shared.TransactionMemory;

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
    static Map<String, ImplementationProject> current() {
        return TransactionMemory.current(KEY, HashMap::new);
    }
}
