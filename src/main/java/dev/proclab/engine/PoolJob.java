package dev.proclab.engine;

import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.internal.ChildRuntime;
import java.util.List;

/**
 * What one call on a {@link Pool} waits for ({@link AsyncResult}, {@link IMapIterator}): its tasks'
 * outcomes arrive on the pool's result thread. Subclasses keep their state under their own monitor.
 */
abstract class PoolJob {
    final int jobId;
    /** What the caller waits for, for the timeline: {@code "map on Pool-1"}. */
    final String what;

    PoolJob(int jobId, String what) {
        this.jobId = jobId;
        this.what = what;
    }

    /** The task holding inputs {@code first ..} returned {@code values}. Result thread. */
    abstract void chunkDone(int first, List<Object> values);

    /** The task holding inputs {@code first .. first + count - 1} failed. Result thread. */
    abstract void chunkFailed(int first, int count, Failure failure);

    /** The pool was terminated before all outcomes came. Any thread. */
    abstract void abandon(String why);

    /**
     * Waits on this job's monitor until {@code done} says so, at most {@code nanos} (negative: no limit),
     * shown as BLOCKED on the timeline; returns whether it is done.
     */
    boolean await(java.util.function.BooleanSupplier done, long nanos) {
        synchronized (this) {
            if (done.getAsBoolean()) {
                return true;
            }
        }
        if (nanos == 0) {
            return false;
        }
        ChildRuntime rt = ChildRuntime.current();
        if (rt != null) {
            rt.state(ProcessState.BLOCKED, "waiting for " + what, -1);
        }
        try {
            long deadline = System.nanoTime() + nanos;
            synchronized (this) {
                while (!done.getAsBoolean()) {
                    long left = nanos < 0 ? 0 : deadline - System.nanoTime();
                    if (nanos >= 0 && left <= 0) {
                        return false;
                    }
                    try {
                        if (nanos < 0) {
                            wait();
                        } else {
                            wait(left / 1_000_000, (int) (left % 1_000_000));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for " + what, e);
                    }
                }
                return true;
            }
        } finally {
            if (rt != null) {
                rt.state(ProcessState.RUNNING, "", -1);
            }
        }
    }

    /** Runs a callback on the result thread; one that throws is reported and does not stop the pool. */
    static <V> void callBack(java.util.function.Consumer<V> callback, V value, String what) {
        if (callback == null) {
            return;
        }
        try {
            callback.accept(value);
        } catch (RuntimeException | Error e) {
            System.err.println("Exception in the callback of " + what + ":");
            e.printStackTrace();
        }
    }

    /** Why a task failed, kept to make a fresh {@link TaskFailedException} each time one is thrown. */
    record Failure(
            String exceptionText,
            String poolName,
            int taskId,
            long workerPid,
            String workerName,
            String traceback,
            Throwable cause) {

        TaskFailedException exception() {
            return new TaskFailedException(exceptionText, poolName, taskId, workerPid, workerName, traceback, cause);
        }
    }
}
