package io.stipple.notification.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.platform.work.Backoff;
import io.stipple.platform.work.WorkerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;

/**
 * Runs dispatch rounds (reminders, then webhooks) on the platform's {@link WorkerLoop}: back to back while there is
 * work, and every {@code notification.dispatcher.idle-poll} when there is none, so a reminder goes out within about
 * that long of its due time; a failed round is logged and tried again after the idle poll. Every replica runs its
 * loops ({@code notification.dispatcher.loops} threads); row claims keep them from sending twice.
 */
@ApplicationScoped
public class DispatcherLoop {

    @Inject
    ReminderDispatcher reminders;

    @Inject
    WebhookDispatcher webhooks;

    @Inject
    NotificationConfig config;

    @Inject
    MeterRegistry meters;

    private WorkerLoop worker;

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
        if (worker == null) {
            worker = new WorkerLoop("reminder-dispatcher", config.dispatcher().loops(), this::round, handled -> handled > 0,
                    () -> config.dispatcher().idlePoll(), Backoff.constant(config.dispatcher().idlePoll()), meters);
        }
        worker.start();
    }

    /** Stops the loops and waits for their current round to finish. */
    public synchronized void stop() {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(30));
        }
    }

    public synchronized boolean isRunning() {
        return worker != null && worker.isRunning();
    }

    /** Makes an idle loop look for due work now. */
    public void wake() {
        WorkerLoop current;
        synchronized (this) {
            current = worker;
        }
        if (current != null) {
            current.wake();
        }
    }

    /** One round of each dispatcher; how many rows they handled together. */
    private int round() {
        int handled = reminders.runOnce();
        if (config.webhooks().deliveryEnabled()) {
            handled += webhooks.runOnce();
        }
        return handled;
    }
}
