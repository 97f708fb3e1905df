package io.stipple.platform.work;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The platform's background worker: runs rounds of one kind of work on its own daemon thread(s), one round at a time
 * per thread.
 * <ul>
 *   <li>after a round, the next one starts at once while there is more ({@code more}, e.g. "the round was full");
 *       otherwise the thread waits the idle interval, or less when {@link #wake()} is called (a commit that wrote
 *       work);</li>
 *   <li>a round that throws is logged (the first of a streak with its stack trace, then one line each) and the thread
 *       waits {@code failureBackoff.after(failures in a row)} before the next;</li>
 *   <li>{@link #stop} ends the threads after their current round and waits for them.</li>
 * </ul>
 * Metrics per worker ({@code worker} tag): {@code stipple.work.rounds{outcome=done|failed}} (a timer) and
 * {@code stipple.work.items} (what the rounds handled).
 */
public final class WorkerLoop {

    private static final Logger LOG = Logger.getLogger(WorkerLoop.class);

    private final String name;
    private final int threadCount;
    private final IntSupplier round;
    private final IntPredicate more;
    private final Supplier<Duration> idle;
    private final Backoff failureBackoff;
    private final Timer doneRounds;
    private final Timer failedRounds;
    private final Counter items;

    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /**
     * @param name           the worker's name: thread name, log lines and the metrics' {@code worker} tag
     * @param threads        how many threads run rounds (at least one)
     * @param round          one round; returns how many items it handled
     * @param more           given a round's count, whether to start the next round at once
     * @param idle           how long an idle thread waits before looking again (read before each wait)
     * @param failureBackoff the wait after failed rounds in a row
     * @param meters         where the round metrics go
     */
    public WorkerLoop(String name, int threads, IntSupplier round, IntPredicate more, Supplier<Duration> idle,
                      Backoff failureBackoff, MeterRegistry meters) {
        this.name = name;
        this.threadCount = Math.max(1, threads);
        this.round = round;
        this.more = more;
        this.idle = idle;
        this.failureBackoff = failureBackoff;
        this.doneRounds = Timer.builder("stipple.work.rounds").tag("worker", name).tag("outcome", "done").register(meters);
        this.failedRounds = Timer.builder("stipple.work.rounds").tag("worker", name).tag("outcome", "failed").register(meters);
        this.items = Counter.builder("stipple.work.items").tag("worker", name).register(meters);
    }

    /** Starts the threads (idempotent). */
    public synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(this::loop, threadCount == 1 ? name : name + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.infof("%s started with %d thread(s)", name, threads.size());
    }

    /** Stops the threads and waits up to {@code wait} for each to finish its current round. */
    public synchronized void stop(Duration wait) {
        if (!running) return;
        running = false;
        wakeUps.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        wakeUps.drainPermits();
    }

    public boolean isRunning() {
        return running;
    }

    /** Makes an idle thread look for work now. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        int failuresInARow = 0;
        while (running) {
            Duration pause;
            long started = System.nanoTime();
            try {
                int handled = round.getAsInt();
                doneRounds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                items.increment(handled);
                failuresInARow = 0;
                pause = more.test(handled) ? Duration.ZERO : idle.get();
            } catch (RuntimeException e) {
                failedRounds.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                failuresInARow++;
                pause = failureBackoff.after(failuresInARow);
                if (failuresInARow == 1) {
                    LOG.errorf(e, "%s round failed (retrying in %d ms)", name, pause.toMillis());
                } else {
                    LOG.warnf("%s round failed %d times in a row (retrying in %d ms): %s", name, failuresInARow,
                            pause.toMillis(), rootMessage(e));
                }
            }
            if (!pause.isZero() && running) {
                try {
                    // several wake-ups while busy make one round, not many; never after stop (the other threads' permits)
                    if (wakeUps.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS) && running) {
                        wakeUps.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
