package vn.paknhub.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Group commit: many threads each need their item stored before they answer; writer threads take
 * every item waiting at that moment and store them in one transaction. Under load one commit (and
 * one round trip per statement) then serves many items, while a lone item is written at once, with
 * no waiting for company. A caller returns only after its item's transaction has committed.
 *
 * <p>A writer may also linger: once items have been coming together (its last transaction held more
 * than one), it waits up to {@code linger} for more before it writes, so that callers who do not
 * need their answer at once (a receipt, a "sent" mark) share even fewer transactions. A lone item
 * after a lone item is still written at once.
 *
 * <p>If a shared transaction fails, each of its items is written again in a transaction of its own,
 * so that one item's failure (bad data, a refusal) is that item's alone and the others are kept.
 * The store function must therefore be safe to run again for an item whose first run rolled back.
 * After {@link #close()} callers write in their own thread, so no item is ever left waiting.
 *
 * @param <I> what a caller hands in
 * @param <O> what it gets back, once committed
 */
public final class GroupCommit<I, O> implements AutoCloseable {

    /** How often an idle writer looks whether it should stop. */
    private static final long IDLE_CHECK_MS = 200;

    private final TransactionOperations tx;
    private final Function<List<I>, List<O>> store;
    private final int maxBatch;
    private final long lingerNanos;
    private final BlockingQueue<Pending<I, O>> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param store stores the items, in the transaction it is called in, and returns one answer per
     *              item, in their order
     */
    public GroupCommit(String name, int writerCount, int maxBatch, TransactionOperations tx,
            Function<List<I>, List<O>> store) {
        this(name, writerCount, maxBatch, Duration.ZERO, tx, store);
    }

    /** As above, with writers that linger for company while items come together. */
    public GroupCommit(String name, int writerCount, int maxBatch, Duration linger, TransactionOperations tx,
            Function<List<I>, List<O>> store) {
        if (writerCount < 1 || maxBatch < 1) {
            throw new IllegalArgumentException(name + ": at least one writer and one item per transaction");
        }
        this.tx = tx;
        this.store = store;
        this.maxBatch = maxBatch;
        this.lingerNanos = linger.toNanos();
        for (int i = 0; i < writerCount; i++) {
            Thread t = new Thread(this::write, name + "-" + i);
            t.setDaemon(true);
            writers.add(t);
            t.start();
        }
    }

    /** Stores the item with whatever else is waiting; returns its answer once committed, or throws its failure. */
    public O write(I item) {
        Pending<I, O> p = new Pending<>(item);
        waiting.add(p);
        if (closed && waiting.remove(p)) {
            // the writers may already have gone: write it here
            writeAlone(p);
        }
        try {
            return p.answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** Items handed in and not yet taken by a writer. */
    public int waiting() {
        return waiting.size();
    }

    private void write() {
        List<Pending<I, O>> batch = new ArrayList<>();
        int lastBatch = 0;
        while (true) {
            Pending<I, O> first;
            try {
                first = waiting.poll(IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = waiting.poll();
            }
            if (first == null) {
                if (closed) {
                    return;
                }
                continue;
            }
            batch.add(first);
            waiting.drainTo(batch, maxBatch - 1);
            if (lastBatch > 1) {
                lingerFor(batch);
            }
            lastBatch = batch.size();
            writeTogether(batch);
            batch.clear();
        }
    }

    private void lingerFor(List<Pending<I, O>> batch) {
        long until = System.nanoTime() + lingerNanos;
        while (batch.size() < maxBatch) {
            long left = until - System.nanoTime();
            Pending<I, O> next;
            try {
                next = left > 0 ? waiting.poll(left, TimeUnit.NANOSECONDS) : null;
            } catch (InterruptedException e) {
                next = null;
            }
            if (next == null) {
                return;
            }
            batch.add(next);
            waiting.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void writeTogether(List<Pending<I, O>> batch) {
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<O> answers;
        try {
            answers = tx.execute(status -> store.apply(batch.stream().map(Pending::item).toList()));
        } catch (RuntimeException | Error e) {
            if (e instanceof DataAccessResourceFailureException || e instanceof CannotCreateTransactionException) {
                // the database is out of reach: each alone would wait for it again; all are refused now
                batch.forEach(p -> p.answer.completeExceptionally(e));
            } else {
                batch.forEach(this::writeAlone);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).answer.complete(answers.get(i));
        }
    }

    private void writeAlone(Pending<I, O> p) {
        try {
            p.answer.complete(tx.execute(status -> store.apply(List.of(p.item))).get(0));
        } catch (RuntimeException | Error e) {
            p.answer.completeExceptionally(e);
        }
    }

    /** Writes what is waiting, then stops the writers; later items are written by their callers. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (Thread t : writers) {
            t.join();
        }
    }

    private record Pending<I, O>(I item, CompletableFuture<O> answer) {
        Pending(I item) {
            this(item, new CompletableFuture<>());
        }
    }
}
