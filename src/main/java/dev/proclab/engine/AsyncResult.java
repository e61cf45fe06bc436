package dev.proclab.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The result of a call on a {@link Pool} that does not wait ({@link Pool#applyAsync},
 * {@link Pool#mapAsync}, {@link Pool#starmapAsync}), like Python's {@code AsyncResult}: a handle whose
 * {@link #get()} waits for the value.
 *
 * <p>The result is ready when every task of the call has an outcome: then {@link #get()} returns the
 * value (for a map, the list of results in the order of the inputs) or, when a task threw, throws a
 * {@link TaskFailedException} for the first failure that arrived. If the pool is terminated before the
 * result is ready, the result becomes ready and {@link #get()} throws {@link IllegalStateException} (Python
 * would wait forever).
 *
 * <p>Threads: any thread of the process that made the pool may wait on it; a waiting thread is shown
 * BLOCKED on the timeline. Timeouts are in seconds, scaled by the run's time scale. The callback (with the
 * value) or the error callback (with the exception) given to the call runs once, on the pool's result
 * thread, right after the result became ready and before waiting threads are woken; it should return
 * quickly, since no other result is handled meanwhile. A callback that throws has its stack trace printed
 * and is otherwise ignored.
 *
 * @param <R> the type of the value
 */
public final class AsyncResult<R> extends PoolJob {
    private final boolean many;
    private final Object[] values;
    private final Consumer<? super R> callback;
    private final Consumer<? super TaskFailedException> errorCallback;
    private int tasksLeft;
    private Failure failure;
    private String abandoned;
    private boolean done;

    AsyncResult(
            int jobId,
            String what,
            boolean many,
            int size,
            int tasks,
            Consumer<? super R> callback,
            Consumer<? super TaskFailedException> errorCallback) {
        super(jobId, what);
        this.many = many;
        this.values = new Object[size];
        this.tasksLeft = tasks;
        this.callback = callback;
        this.errorCallback = errorCallback;
    }

    /** Waits as long as it takes, then returns the value or throws the task's failure. */
    public R get() {
        await(this::isDone, -1);
        return value();
    }

    /**
     * Waits at most {@code timeoutSeconds}, then returns the value or throws the task's failure.
     *
     * @throws TimeoutError when the result is not ready in time
     */
    public R get(double timeoutSeconds) {
        if (!await(this::isDone, timeout(timeoutSeconds))) {
            throw new TimeoutError(what + " is not ready after " + timeoutSeconds + " s");
        }
        return value();
    }

    /** Waits until the result is ready. */
    public void waitFor() {
        await(this::isDone, -1);
    }

    /** Waits until the result is ready or {@code timeoutSeconds} pass; {@link #ready()} tells which. */
    public void waitFor(double timeoutSeconds) {
        await(this::isDone, timeout(timeoutSeconds));
    }

    /** Whether every task of the call has an outcome (or the pool was terminated). Does not wait. */
    public synchronized boolean ready() {
        return done;
    }

    /**
     * Whether the call succeeded: every task returned.
     *
     * @throws IllegalStateException when the result is not ready yet, as Python raises ValueError
     */
    public synchronized boolean successful() {
        if (!done) {
            throw new IllegalStateException(what + " is not ready");
        }
        return failure == null && abandoned == null;
    }

    static long timeout(double seconds) {
        return Math.max(0, Multiprocessing.scaledNanos(Math.max(0, seconds)));
    }

    private boolean isDone() {
        return done;
    }

    @SuppressWarnings("unchecked")
    private synchronized R value() {
        if (failure != null) {
            throw failure.exception();
        }
        if (abandoned != null) {
            throw new IllegalStateException(abandoned);
        }
        return (R) (many ? new ArrayList<>(Arrays.asList(values)) : values[0]);
    }

    @Override
    void chunkDone(int first, List<Object> results) {
        synchronized (this) {
            if (done) {
                return;
            }
            for (int i = 0; i < results.size() && first + i < values.length; i++) {
                values[first + i] = results.get(i);
            }
            tasksLeft--;
        }
        finishIfLast();
    }

    @Override
    void chunkFailed(int first, int count, Failure why) {
        synchronized (this) {
            if (done) {
                return;
            }
            if (failure == null) {
                failure = why; // only the first failure is kept, as Python does
            }
            tasksLeft--;
        }
        finishIfLast();
    }

    /** Python makes a map's result ready only when all its tasks are done, even after a failure. */
    private void finishIfLast() {
        synchronized (this) {
            if (tasksLeft > 0 || done) {
                return;
            }
        }
        complete();
    }

    /** Runs the callback, then wakes the waiters. */
    void complete() {
        Failure f;
        synchronized (this) {
            f = failure;
        }
        if (f == null) {
            R v = valueForCallback();
            callBack(callback, v, what);
        } else {
            callBack(errorCallback, f.exception(), what);
        }
        synchronized (this) {
            done = true;
            notifyAll();
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized R valueForCallback() {
        return (R) (many ? new ArrayList<>(Arrays.asList(values)) : values[0]);
    }

    @Override
    void abandon(String why) {
        synchronized (this) {
            if (done) {
                return;
            }
            abandoned = why;
            done = true;
            notifyAll();
        }
    }

    @Override
    public synchronized String toString() {
        return "<AsyncResult of " + what + (done ? " ready" : "") + ">";
    }
}
