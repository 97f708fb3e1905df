package io.stipple.booking.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.stipple.platform.work.AfterCommit;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.WorkerLoop;

import java.time.Duration;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * A background worker of this service on the platform's {@link WorkerLoop} (one thread), woken after the commit of a
 * transaction that wrote work for it, and otherwise looking every {@code idle} for what is left: the waitlist matcher
 * and the payment command worker. A round that took a full batch is followed at once by the next; a failed round is
 * retried after 200 ms doubling up to 30 s.
 */
final class WokenWorker {

    private final AfterCommit afterCommit;
    private final Object key;
    private volatile WorkerLoop loop;

    /** @param key one per worker: a transaction wakes each worker it wrote work for once */
    WokenWorker(AfterCommit afterCommit, Object key) {
        this.afterCommit = afterCommit;
        this.key = key;
    }

    void start(String name, IntSupplier round, int batch, Supplier<Duration> idle, MeterRegistry meters) {
        loop = new WorkerLoop(name, 1, round, taken -> taken == batch, idle,
                new Backoff(Duration.ofMillis(200), Duration.ofSeconds(30)), meters);
        loop.start();
    }

    void stop() {
        WorkerLoop current = loop;
        if (current != null) {
            current.stop(Duration.ofSeconds(5));
        }
    }

    /** Wakes the worker once the current transaction has committed; never on rollback. */
    void wakeAfterCommit() {
        afterCommit.once(key, () -> {
            WorkerLoop current = loop;
            if (current != null) {
                current.wake();
            }
        });
    }
}
