package io.stipple.notification.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stipple.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs dispatch rounds back to back while there is work, and looks again every
 * {@code notification.dispatcher.idle-poll} when there is none, so a reminder goes out within about
 * that long of its due time. Every replica runs its loops; row claims keep them from sending twice.
 */
@ApplicationScoped
public class DispatcherLoop {

    private static final Logger LOG = Logger.getLogger(DispatcherLoop.class);

    @Inject
    ReminderDispatcher reminders;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    NotificationConfig config;

    private final Semaphore wakeUps = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    void onStart(@Observes StartupEvent event) {
        if (config.dispatcher().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts the loops (idempotent). */
    public synchronized void start() {
        if (running) return;
        running = true;
        for (int i = 0; i < Math.max(1, config.dispatcher().loops()); i++) {
            Thread thread = new Thread(this::loop, "reminder-dispatcher-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        LOG.infof("dispatcher started with %d loop(s)", threads.size());
    }

    /** Stops the loops and waits for their current round to finish. */
    public synchronized void stop() {
        if (!running) return;
        running = false;
        wakeUps.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(30_000);
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

    /** Makes an idle loop look for due work now. */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            int handled = 0;
            try {
                handled += reminders.runOnce();
                if (config.webhooks().deliveryEnabled()) {
                    handled += webhooks.runOnce();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "dispatch round failed; trying again shortly");
            }
            if (handled == 0 && running) {
                try {
                    wakeUps.tryAcquire(config.dispatcher().idlePoll().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
