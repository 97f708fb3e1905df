package io.stipple.platform.work;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The worker loop without Quarkus: rounds back to back while there is more, idle waits cut short by a wake, stop. */
class WorkerLoopTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private WorkerLoop loop;

    @AfterEach
    void stop() {
        if (loop != null) loop.stop(Duration.ofSeconds(5));
    }

    @Test
    void runs_rounds_back_to_back_while_there_is_more_then_waits() {
        AtomicInteger backlog = new AtomicInteger(25);
        AtomicInteger rounds = new AtomicInteger();
        loop = new WorkerLoop("test-drain", 1, () -> {
            rounds.incrementAndGet();
            int batch = Math.min(10, backlog.get());
            backlog.addAndGet(-batch);
            return batch;
        }, handled -> handled == 10, () -> Duration.ofHours(1), Backoff.constant(Duration.ofHours(1)), meters);
        loop.start();
        // 10 + 10 + 5: three rounds without waiting the hour, then idle
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 3);
        assertThat(backlog.get()).isZero();
        assertThat(meters.get("stipple.work.items").tag("worker", "test-drain").counter().count()).isEqualTo(25);
        assertThat(meters.get("stipple.work.rounds").tag("worker", "test-drain").tag("outcome", "done").timer().count())
                .isEqualTo(3);
    }

    @Test
    void a_wake_ends_the_idle_wait() {
        AtomicInteger rounds = new AtomicInteger();
        loop = new WorkerLoop("test-wake", 1, () -> {
            rounds.incrementAndGet();
            return 0;
        }, handled -> handled > 0, () -> Duration.ofHours(1), Backoff.constant(Duration.ofHours(1)), meters);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        loop.wake();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
    }

    @Test
    void polls_every_idle_interval() {
        AtomicInteger rounds = new AtomicInteger();
        loop = new WorkerLoop("test-poll", 1, () -> {
            rounds.incrementAndGet();
            return 0;
        }, handled -> handled > 0, () -> Duration.ofMillis(20), Backoff.constant(Duration.ofHours(1)), meters);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 5);
    }

    @Test
    void failed_rounds_are_retried_after_a_growing_backoff_and_counted() {
        ConcurrentLinkedQueue<Long> startedAt = new ConcurrentLinkedQueue<>();
        loop = new WorkerLoop("test-failing", 1, () -> {
            startedAt.add(System.nanoTime());
            if (startedAt.size() <= 3) throw new IllegalStateException("database away");
            return 0;
        }, handled -> handled > 0, () -> Duration.ofHours(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10)),
                meters);
        loop.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> startedAt.size() == 4);
        Long[] at = startedAt.toArray(Long[]::new);
        // waits of 100, 200, 400 ms after the first, second and third failure
        assertThat(TimeUnit.NANOSECONDS.toMillis(at[1] - at[0])).isGreaterThanOrEqualTo(100);
        assertThat(TimeUnit.NANOSECONDS.toMillis(at[2] - at[1])).isGreaterThanOrEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(at[3] - at[2])).isGreaterThanOrEqualTo(400);
        assertThat(meters.get("stipple.work.rounds").tag("worker", "test-failing").tag("outcome", "failed").timer().count())
                .isEqualTo(3);
    }

    @Test
    void stop_lets_the_current_round_finish_and_ends_every_thread() throws InterruptedException {
        CountDownLatch inRound = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger rounds = new AtomicInteger();
        loop = new WorkerLoop("test-stop", 2, () -> {
            if (rounds.incrementAndGet() <= 2) {
                inRound.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                finished.incrementAndGet();
            }
            return 0;
        }, handled -> handled > 0, () -> Duration.ofHours(1), Backoff.constant(Duration.ofHours(1)), meters);
        loop.start();
        assertThat(inRound.await(5, TimeUnit.SECONDS)).isTrue();
        Thread stopper = new Thread(() -> loop.stop(Duration.ofSeconds(10)));
        stopper.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !loop.isRunning());
        assertThat(stopper.isAlive()).isTrue(); // waiting for the rounds in progress
        release.countDown();
        stopper.join(10_000);
        assertThat(stopper.isAlive()).isFalse();
        assertThat(finished.get()).isEqualTo(2);
        assertThat(rounds.get()).isEqualTo(2); // no round after stop, though the idle wait was an hour
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("test-stop"));
    }
}
