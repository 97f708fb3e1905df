package io.stipple.platform.work;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Something to do once the current transaction has committed — typically waking a {@link WorkerLoop} whose work the
 * transaction wrote (the outbox relay, a service's queue). Asked for many times in one transaction under the same key,
 * it runs once; if the transaction rolls back, never.
 */
@ApplicationScoped
public class AfterCommit {

    @Inject
    TransactionSynchronizationRegistry txRegistry;

    /** Runs {@code action} after the current transaction commits, once per transaction and {@code key}. */
    public void once(Object key, Runnable action) {
        if (txRegistry.getResource(key) != null) {
            return; // already registered for this transaction
        }
        txRegistry.putResource(key, Boolean.TRUE);
        txRegistry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
