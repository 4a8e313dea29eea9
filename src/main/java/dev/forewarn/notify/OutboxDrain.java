package dev.forewarn.notify;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The drain loop shared by the notice and page outboxes: runs one batch after another for as long as batches come
 * back full, so a backlog larger than one batch goes out in one scheduled run instead of one batch per send
 * interval.
 *
 * <p>Each batch is its own claim → send → record, with its own transactions, so no database transaction is held
 * open across a send and the claim guarantees of the outbox are those of one batch. The loop stops at the first
 * batch that is not full, or when the time budget is spent, so the scheduler's next run, shutdown and a change of
 * leadership never wait on a long backlog; what is left is claimed by the next run.
 */
public final class OutboxDrain {
    private OutboxDrain() {
    }

    /**
     * Runs {@code batch} (which returns how many rows it attempted) until it attempts fewer than
     * {@code batchSize} or {@code budget} has passed since the call; returns the total attempted.
     */
    public static Uni<Integer> whileFull(Supplier<Uni<Integer>> batch, int batchSize, Duration budget) {
        return Uni.createFrom().deferred(() -> {
            long deadline = System.nanoTime() + budget.toNanos();
            return repeat(batch, n -> n >= batchSize && System.nanoTime() - deadline < 0);
        });
    }

    /**
     * Like {@link #whileFull}, with the steps of a batch given apart so that the next batch is claimed while the
     * current one is sending: claim (its own transaction, committed before anything of the batch is sent), send
     * (no transaction), record (its own transaction). Database steps never overlap each other, only a send; a
     * failed claim lets the batch in flight finish and be recorded before the failure is passed on.
     */
    public static <C, O> Uni<Integer> overlapped(Supplier<Uni<List<C>>> claim, Function<List<C>, Uni<List<O>>> send,
                                                 Function<List<O>, Uni<Void>> record, int batchSize,
                                                 Duration budget) {
        return Uni.createFrom().deferred(() -> {
            long deadline = System.nanoTime() + budget.toNanos();
            return claim.get().chain(first -> overlap(first, claim, send, record, batchSize, deadline, 0));
        });
    }

    private static <C, O> Uni<Integer> overlap(List<C> batch, Supplier<Uni<List<C>>> claim,
                                               Function<List<C>, Uni<List<O>>> send,
                                               Function<List<O>, Uni<Void>> record, int batchSize, long deadline,
                                               int done) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(done);
        }
        boolean more = batch.size() >= batchSize && System.nanoTime() - deadline < 0;
        Throwable[] claimFailed = new Throwable[1];
        Uni<List<C>> next = !more ? Uni.createFrom().item(List.of()) : claim.get().onFailure().recoverWithItem(e -> {
            claimFailed[0] = e;
            return List.of();
        });
        return Uni.combine().all().unis(send.apply(batch), next).asTuple()
                .chain(sentAndNext -> record.apply(sentAndNext.getItem1()).replaceWith(sentAndNext.getItem2()))
                .chain(following -> claimFailed[0] != null ? Uni.createFrom().failure(claimFailed[0])
                        : overlap(following, claim, send, record, batchSize, deadline, done + batch.size()));
    }

    /** Runs {@code batch} until it attempts nothing; returns the total attempted. For tests and shutdown. */
    public static Uni<Integer> untilEmpty(Supplier<Uni<Integer>> batch) {
        return repeat(batch, n -> n > 0);
    }

    private static Uni<Integer> repeat(Supplier<Uni<Integer>> batch, java.util.function.Predicate<Integer> again) {
        return Multi.createBy().repeating().<Integer>uni(() -> batch.get()).whilst(again)
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
