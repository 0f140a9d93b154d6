package no.innforing.security;

import java.util.HashSet;
import java.util.Set;
import no.innforing.shared.TransactionMemory;

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

    private static Set<String> current(boolean create) {
        Set<String> groups = create ? TransactionMemory.current(KEY, HashSet::new) : TransactionMemory.current(KEY, null);
        return groups;
    }
}
