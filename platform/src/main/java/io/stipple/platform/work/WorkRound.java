package io.stipple.platform.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One round over a leased work table, the same for every dispatcher:
 * <ol>
 *   <li>release the claims whose lease ran out (their worker died mid-round);</li>
 *   <li>claim a batch of due rows in one statement ({@code FOR UPDATE SKIP LOCKED}: no other worker, in this or
 *       another replica, can take them) under a fresh {@link Claim};</li>
 *   <li>decide what needs no send (an outcome at once) and what is ready to send;</li>
 *   <li>record, committed, that the ready ones are being handed over ({@link Work#handingOver}) — before anything
 *       leaves — for the rows this claim still holds: a row whose lease ran out meanwhile (a pause longer than the
 *       lease; a replica whose clock is ahead) may have been released and claimed by another worker, and is left to
 *       it, neither sent nor recorded here (the fence that keeps two workers from sending one row);</li>
 *   <li>send each one ("send one") at once, and wait for every answer until one deadline
 *       ({@link Work#answerWithin}); a send that throws before handing over, or no answer by then, gets the work's
 *       own answer ({@link Work#notHandedOver}, {@link Work#unanswered});</li>
 *   <li>decide what each answer means ({@link Work#decide}, on the round's thread: inside the caller's tenancy
 *       binding, never on a sender's thread) and record every outcome ({@link Work#record}).</li>
 * </ol>
 * The work keeps its table's statements (in its repository) and the meaning of outcomes; the round keeps the order
 * of the steps. It runs on the caller's thread, inside whatever tenancy binding the caller set.
 *
 * @param <C> a claimed row
 * @param <R> a row ready to send
 * @param <A> the answer to one send
 * @param <O> the outcome of one row, to be written back
 */
public final class WorkRound {

    private WorkRound() {
    }

    /** What one kind of work does in a round; see {@link WorkRound}. */
    public interface Work<C, R, A, O> {

        /** Releases the claims whose lease ended before {@code now}. */
        void releaseExpired(Instant now);

        /** The lease of this round's claim. */
        Duration lease();

        /** Claims at most {@code batchSize} due rows under {@code claim}. */
        List<C> claim(Claim claim, int batchSize);

        /** Splits the claimed rows: outcomes that need no send go to {@code done}, the rest to {@code ready}. */
        void prepare(List<C> claimed, Claim claim, List<O> done, List<R> ready);

        /**
         * Records, committed, that these rows are being handed over now, for those the claim still holds; returns
         * them (the others belong to whoever holds them now, and are not sent). Default: nothing to record, all held.
         */
        default List<R> handingOver(List<R> ready, Claim claim) {
            return ready;
        }

        /** Sends one; the stage completes with its answer (each sender bounds its own send). */
        CompletableFuture<A> send(R ready);

        /** The answer for a send that threw before the row was handed over (nothing left), or rethrows it. */
        A notHandedOver(R ready, RuntimeException failure);

        /** The answer for a send with no answer by the deadline, or interrupted while waiting. */
        A unanswered(R ready, Exception failure);

        /** What an answer means for the row. */
        O decide(R ready, A answer);

        /** How long the round waits for all answers together. */
        Duration answerWithin();

        /** Writes the round's outcomes (and counts them). */
        void record(List<O> outcomes, Claim claim, Instant now);
    }

    /** Runs one round; returns how many rows it claimed (0: nothing was due). */
    public static <C, R, A, O> int run(Work<C, R, A, O> work, int batchSize, Clock clock) {
        Instant now = Instant.now(clock);
        work.releaseExpired(now);
        Claim claim = Claim.of(now, work.lease());
        List<C> claimed = work.claim(claim, batchSize);
        if (claimed.isEmpty()) return 0;
        finish(work, claim, claimed, clock);
        return claimed.size();
    }

    /**
     * The rest of a round over rows already claimed under {@code claim}: prepare, hand over what the claim still
     * holds, send, record. ({@link #run} claims, then finishes; a test finishes a claim made earlier, as a worker
     * that paused between the two would.)
     */
    public static <C, R, A, O> void finish(Work<C, R, A, O> work, Claim claim, List<C> claimed, Clock clock) {
        List<O> outcomes = new ArrayList<>(claimed.size());
        List<R> ready = new ArrayList<>(claimed.size());
        work.prepare(claimed, claim, outcomes, ready);
        if (!ready.isEmpty()) {
            // the attempt is on record before anything leaves: a crash from here on is seen as "maybe sent"; only the
            // rows still ours are sent
            List<R> held = work.handingOver(ready, claim);
            outcomes.addAll(sendAll(work, held));
        }
        work.record(outcomes, claim, Instant.now(clock));
    }

    private static <C, R, A, O> List<O> sendAll(Work<C, R, A, O> work, List<R> ready) {
        List<CompletableFuture<A>> pending = new ArrayList<>(ready.size());
        for (R one : ready) {
            CompletableFuture<A> sent;
            try {
                sent = work.send(one);
            } catch (RuntimeException e) {
                sent = CompletableFuture.completedFuture(work.notHandedOver(one, e));
            }
            pending.add(sent);
        }
        long deadline = System.nanoTime() + work.answerWithin().toNanos();
        List<O> outcomes = new ArrayList<>(ready.size());
        for (int i = 0; i < ready.size(); i++) {
            A answer;
            try {
                answer = pending.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = work.unanswered(ready.get(i), e);
            } catch (Exception e) {
                answer = work.unanswered(ready.get(i), e);
            }
            outcomes.add(work.decide(ready.get(i), answer));
        }
        return outcomes;
    }
}
