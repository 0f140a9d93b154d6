package no.innforing.security;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import no.innforing.shared.TransactionMemory;
import org.camunda.bpm.engine.authorization.Authorization;

/**
 * The group authorizations {@link MunicipalityAccess} has read or written in the current transaction, per group and
 * resource: a group's authorizations are read with one query the first time the transaction grants it something
 * (a registration grants the project leaders two, start-up grants RAG seven), and a group created in the transaction
 * has none to read. Forgotten when the transaction ends; outside a transaction nothing is remembered.
 */
final class GrantsInTransaction {

    private static final Object KEY = GrantsInTransaction.class;

    private GrantsInTransaction() {
    }

    /** The key of an authorization's resource among a group's: resource type and resource id. */
    static String resourceKey(int resourceType, String resourceId) {
        return resourceType + "/" + resourceId;
    }

    /** Remembers that the group was created in this transaction, so has no authorizations yet. */
    static void groupCreated(String groupId) {
        Map<String, Map<String, Authorization>> groups = TransactionMemory.current(KEY, HashMap::new);
        if (groups != null) {
            groups.put(groupId, new HashMap<>());
        }
    }

    /**
     * The group's authorizations by {@link #resourceKey}, read by {@code read} once per transaction (every time
     * outside one). The map is the transaction's: put what is saved into it.
     */
    static Map<String, Authorization> of(String groupId, Supplier<Map<String, Authorization>> read) {
        Map<String, Map<String, Authorization>> groups = TransactionMemory.current(KEY, HashMap::new);
        return groups == null ? read.get() : groups.computeIfAbsent(groupId, id -> read.get());
    }
}
