package dev.proclab.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The results of {@link Pool#imap} or {@link Pool#imapUnordered}, yielded while the tasks are still
 * running, like Python's {@code IMapIterator}: {@code imap} yields them in the order of the inputs (a
 * result waits for those before it), {@code imapUnordered} in the order they arrive.
 *
 * <p>It is its own {@link Iterable}, so it fits a for-each loop, once. {@link #hasNext()} never waits: it
 * says whether results remain to be yielded. {@link #next()} waits for the next one (the waiting thread is
 * shown BLOCKED on the timeline) and throws the task's {@link TaskFailedException} in place of the results
 * of a task that failed (once for the whole task), then goes on with the next. If the pool is terminated,
 * {@code next()} throws {@link IllegalStateException} for what is missing. Use it from one thread of the
 * process that made the pool.
 *
 * @param <R> the type of the results
 */
public final class IMapIterator<R> extends PoolJob implements Iterator<R>, Iterable<R> {
    private record Entry(Object value, Failure failure, int weight) {}

    private final boolean ordered;
    private final int size;
    private final Deque<Entry> ready = new ArrayDeque<>();
    /** Arrived tasks waiting for those before them (ordered only), by their first input. */
    private final Map<Integer, List<Entry>> early = new HashMap<>();

    private int released;
    private int consumed;
    private String abandoned;

    IMapIterator(int jobId, String what, boolean ordered, int size) {
        super(jobId, what);
        this.ordered = ordered;
        this.size = size;
    }

    @Override
    public Iterator<R> iterator() {
        return this;
    }

    /** Whether results remain to be yielded; does not wait for them. */
    @Override
    public synchronized boolean hasNext() {
        return consumed < size;
    }

    /** Waits for the next result and returns it. */
    @Override
    public R next() {
        return next(-1);
    }

    /**
     * Waits at most {@code timeoutSeconds} (scaled by the run's time scale) for the next result.
     *
     * @throws TimeoutError when none came in time
     * @throws NoSuchElementException when all results were yielded
     */
    public R next(double timeoutSeconds) {
        synchronized (this) {
            if (consumed >= size) {
                throw new NoSuchElementException("all " + size + " results of " + what + " were yielded");
            }
        }
        long nanos = timeoutSeconds < 0 ? -1 : AsyncResult.timeout(timeoutSeconds);
        if (!await(this::available, nanos)) {
            throw new TimeoutError("no result of " + what + " after " + timeoutSeconds + " s");
        }
        return take();
    }

    private boolean available() {
        return !ready.isEmpty() || abandoned != null;
    }

    @SuppressWarnings("unchecked")
    private synchronized R take() {
        Entry e = ready.poll();
        if (e == null) {
            consumed = size;
            throw new IllegalStateException(abandoned);
        }
        consumed += e.weight();
        if (e.failure() != null) {
            throw e.failure().exception();
        }
        return (R) e.value();
    }

    @Override
    synchronized void chunkDone(int first, List<Object> values) {
        List<Entry> entries = values.stream().map(v -> new Entry(v, null, 1)).toList();
        arrive(first, entries);
    }

    @Override
    synchronized void chunkFailed(int first, int count, Failure failure) {
        arrive(first, List.of(new Entry(null, failure, count)));
    }

    private void arrive(int first, List<Entry> entries) {
        if (!ordered) {
            ready.addAll(entries);
        } else {
            early.put(first, entries);
            List<Entry> next;
            while ((next = early.remove(released)) != null) {
                ready.addAll(next);
                released += next.stream().mapToInt(Entry::weight).sum();
            }
        }
        notifyAll();
    }

    @Override
    synchronized void abandon(String why) {
        if (abandoned == null) {
            abandoned = why;
        }
        notifyAll();
    }

    @Override
    public synchronized String toString() {
        return "<IMapIterator of " + what + ", " + consumed + " of " + size + " yielded>";
    }
}
