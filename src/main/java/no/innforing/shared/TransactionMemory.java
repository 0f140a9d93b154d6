package no.innforing.shared;

import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Something remembered for the current transaction only: made on first use, forgotten when the transaction ends
 * (committed or rolled back). Outside a transaction nothing is remembered.
 */
public final class TransactionMemory {

    private TransactionMemory() {
    }

    /**
     * The current transaction's value under {@code key}; with {@code create}, made by it on first use. {@code null}
     * outside a transaction, or when nothing was made yet and {@code create} is {@code null}.
     */
    @SuppressWarnings("unchecked")
    public static <T> T current(Object key, Supplier<T> create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = (T) TransactionSynchronizationManager.getResource(key);
        if (value == null && create != null) {
            T fresh = create.get();
            TransactionSynchronizationManager.bindResource(key, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            value = fresh;
        }
        return value;
    }
}
