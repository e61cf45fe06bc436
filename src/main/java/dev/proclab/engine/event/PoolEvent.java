package dev.proclab.engine.event;

/**
 * Something happened to a {@code Pool}: a task went through it, or one of its worker processes came or
 * went. One task is one chunk of a job's inputs (a {@code map} with {@code chunksize} 4 makes tasks of
 * four inputs; an {@code applyAsync} makes one task of one input).
 *
 * <p>Who reports what: the broker (so {@link #pid()} is the supervisor's pid) reports {@link Op#SUBMITTED},
 * {@link Op#DISPATCHED}, {@link Op#DELIVERED}, {@link Op#WORKER_STARTED}, {@link Op#WORKER_EXITED},
 * {@link Op#CLOSED} and {@link Op#TERMINATED} in the order it applied them; the worker itself reports
 * {@link Op#STARTED} and {@link Op#FINISHED} (so {@link #pid()} is the worker's pid and the stamps are
 * exactly when the task's code began and ended). In a run's trace a task's events arrive in the order
 * SUBMITTED, DISPATCHED, STARTED, FINISHED, DELIVERED; a task whose worker died in the middle has no
 * FINISHED (and may have no STARTED), and its DELIVERED is not ok; tasks dropped by {@code terminate()}
 * end where they were.
 *
 * @param actor the process that did it: the pool's owner for SUBMITTED, DELIVERED, CLOSED and TERMINATED;
 *     the worker for the others
 * @param poolId the broker's id of the pool (as in its {@link IpcCreated})
 * @param jobId the call that made the task, counted from 1 per pool (one {@code map} is one job, each
 *     {@code applyAsync} another); 0 for worker and pool events
 * @param taskId the task, counted from 1 per pool; the same on all events of one task; 0 for worker and
 *     pool events
 * @param firstIndex the position of the task's first input among its job's inputs, from 0; 0 for worker
 *     and pool events
 * @param count how many inputs the task holds (its chunk's size); 0 for worker and pool events
 * @param workerPid the worker that took, ran or delivered the task, or the worker that started or exited;
 *     -1 for SUBMITTED, CLOSED and TERMINATED
 * @param ok for FINISHED and DELIVERED: whether the task's code returned normally (false when it threw, its
 *     result could not be sent back, or its worker died); true for the other ops
 * @param preview for SUBMITTED, DISPATCHED and STARTED the task's inputs; for FINISHED and DELIVERED its
 *     results or its exception; for WORKER_STARTED and WORKER_EXITED the worker's name; cut to 40
 *     characters; never null
 * @param line line of the lesson program whose call made the task, or that closed or terminated the pool;
 *     0 for worker events and when unknown (the worker's {@code Spawned} event names the line that made the
 *     pool)
 */
public record PoolEvent(
        long seq,
        long nanos,
        long pid,
        long actor,
        int poolId,
        Op op,
        int jobId,
        int taskId,
        int firstIndex,
        int count,
        long workerPid,
        boolean ok,
        String preview,
        int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** The owner gave the pool a task; it waits in the pool's task queue. */
        SUBMITTED,
        /** The worker {@code workerPid} took the task out of the queue. */
        DISPATCHED,
        /** The worker began running the task's code (reported by the worker). */
        STARTED,
        /** The worker's code for the task returned or threw ({@code ok}) (reported by the worker). */
        FINISHED,
        /** The task's result, or its failure, reached the owner's process. */
        DELIVERED,
        /** A worker process joined the pool and is ready to take tasks (before its initializer runs). */
        WORKER_STARTED,
        /** A worker process of the pool ended, for whatever reason. */
        WORKER_EXITED,
        /** The owner called {@code close()}: no more tasks; workers end when the queue is empty. */
        CLOSED,
        /** The owner called {@code terminate()}, or ended: queued tasks are dropped. */
        TERMINATED
    }
}
