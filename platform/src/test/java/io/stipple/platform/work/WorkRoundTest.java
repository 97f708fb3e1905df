package io.stipple.platform.work;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order of a round's steps and the outcomes of sends that throw or never answer, without a database. */
class WorkRoundTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    /**
     * Items are strings: "skip…" needs no send, "throw…" throws in send, "silent…" never answers, "lost…" was taken by
     * another worker before the hand-over (its lease ran out), others are sent.
     */
    private final class FakeWork implements WorkRound.Work<String, String, String, String> {
        final List<String> due;
        final List<String> steps = new ArrayList<>();
        final List<String> recorded = new ArrayList<>();
        Claim claim;

        FakeWork(List<String> due) {
            this.due = due;
        }

        @Override
        public void releaseExpired(Instant now) {
            steps.add("release@" + now);
        }

        @Override
        public Duration lease() {
            return Duration.ofMinutes(2);
        }

        @Override
        public List<String> claim(Claim claim, int batchSize) {
            this.claim = claim;
            steps.add("claim " + batchSize);
            return due.subList(0, Math.min(batchSize, due.size()));
        }

        @Override
        public void prepare(List<String> claimed, Claim claim, List<String> done, List<String> ready) {
            for (String item : claimed) {
                if (item.startsWith("skip")) done.add(item + ":skipped");
                else ready.add(item);
            }
        }

        @Override
        public List<String> handingOver(List<String> ready, Claim claim) {
            steps.add("handing over " + ready);
            return ready.stream().filter(item -> !item.startsWith("lost")).toList();
        }

        @Override
        public CompletableFuture<String> send(String ready) {
            steps.add("send " + ready);
            if (ready.startsWith("throw")) throw new IllegalStateException("refused at once");
            if (ready.startsWith("silent")) return new CompletableFuture<>();
            return CompletableFuture.completedFuture("sent");
        }

        @Override
        public String decide(String ready, String answer) {
            steps.add("decide " + ready + " on " + Thread.currentThread().getName());
            return ready + ":" + answer;
        }

        @Override
        public String notHandedOver(String ready, RuntimeException failure) {
            if (ready.startsWith("throw-fatal")) throw failure;
            return "not-handed-over(" + failure.getMessage() + ")";
        }

        @Override
        public String unanswered(String ready, Exception failure) {
            return "unanswered";
        }

        @Override
        public Duration answerWithin() {
            return Duration.ofMillis(200);
        }

        @Override
        public void record(List<String> outcomes, Claim claim, Instant now) {
            steps.add("record");
            recorded.addAll(outcomes);
        }
    }

    @Test
    void releases_claims_hands_over_sends_and_records_in_that_order() {
        FakeWork work = new FakeWork(List.of("skip-1", "a", "b"));
        assertThat(WorkRound.run(work, 10, clock)).isEqualTo(3);
        String here = Thread.currentThread().getName();
        assertThat(work.steps).containsExactly("release@" + NOW, "claim 10", "handing over [a, b]", "send a", "send b",
                "decide a on " + here, "decide b on " + here, "record");
        assertThat(work.recorded).containsExactly("skip-1:skipped", "a:sent", "b:sent");
        assertThat(work.claim.at()).isEqualTo(NOW);
        assertThat(work.claim.until()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void claims_at_most_the_batch() {
        FakeWork work = new FakeWork(List.of("a", "b", "c"));
        assertThat(WorkRound.run(work, 2, clock)).isEqualTo(2);
        assertThat(work.recorded).containsExactly("a:sent", "b:sent");
    }

    @Test
    void nothing_due_records_nothing() {
        FakeWork work = new FakeWork(List.of());
        assertThat(WorkRound.run(work, 10, clock)).isZero();
        assertThat(work.steps).containsExactly("release@" + NOW, "claim 10");
    }

    @Test
    void only_skipped_rows_are_recorded_without_a_hand_over() {
        FakeWork work = new FakeWork(List.of("skip-1", "skip-2"));
        assertThat(WorkRound.run(work, 10, clock)).isEqualTo(2);
        assertThat(work.steps).containsExactly("release@" + NOW, "claim 10", "record");
        assertThat(work.recorded).containsExactly("skip-1:skipped", "skip-2:skipped");
    }

    @Test
    void a_send_that_throws_or_never_answers_gets_the_works_own_outcome_and_the_others_still_count() {
        FakeWork work = new FakeWork(List.of("throw-1", "silent-1", "c"));
        assertThat(WorkRound.run(work, 10, clock)).isEqualTo(3);
        assertThat(work.recorded).containsExactly("throw-1:not-handed-over(refused at once)", "silent-1:unanswered", "c:sent");
    }

    @Test
    void a_work_may_let_a_send_failure_end_the_round_unrecorded() {
        FakeWork work = new FakeWork(List.of("a", "throw-fatal"));
        assertThatThrownBy(() -> WorkRound.run(work, 10, clock)).hasMessage("refused at once");
        assertThat(work.steps).doesNotContain("record");
    }

    @Test
    void a_row_whose_claim_was_lost_before_the_hand_over_is_neither_sent_nor_recorded_by_this_round() {
        FakeWork work = new FakeWork(List.of("a", "lost-1", "skip-1", "b"));
        assertThat(WorkRound.run(work, 10, clock)).isEqualTo(4);
        assertThat(work.steps).containsSubsequence("handing over [a, lost-1, b]", "send a", "send b", "record")
                .doesNotContain("send lost-1");
        assertThat(work.recorded).containsExactly("skip-1:skipped", "a:sent", "b:sent");
    }

    @Test
    void finishing_a_claim_made_earlier_runs_the_same_steps_without_claiming_again() {
        FakeWork work = new FakeWork(List.of());
        Claim earlier = Claim.of("d-paused", NOW.minus(Duration.ofMinutes(5)), Duration.ofMinutes(2));
        WorkRound.finish(work, earlier, List.of("lost-1", "skip-1"), clock);
        assertThat(work.steps).containsExactly("handing over [lost-1]", "record");
        assertThat(work.recorded).containsExactly("skip-1:skipped");
    }
}
