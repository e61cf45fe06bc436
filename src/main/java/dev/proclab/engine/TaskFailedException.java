package dev.proclab.engine;

/**
 * A task of a {@link Pool} threw, or could not be run or answered, in its worker process. Thrown by
 * {@link AsyncResult#get()}, {@link Pool#map} and the other calls that wait for a result, and given to
 * error callbacks, the way Python re-raises a task's exception in the caller.
 *
 * <p>Its message is the task's exception as text with the task, pool and worker named. Its
 * {@link #getCause() cause} is the task's exception itself, rebuilt in the caller from the worker's copy
 * (so its stack trace is the worker's, from the task's own code down to where it threw); when that
 * exception could not be sent back, the cause is a {@link RemoteTraceback} holding the worker's stack
 * trace as text, and when the worker died in the middle of the task there is no cause.
 * {@link #remoteTraceback()} is always the worker's stack trace as text (empty when it died).
 */
public class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int taskId;
    private final long workerPid;
    private final String workerName;
    private final String remoteTraceback;

    TaskFailedException(
            String exceptionText,
            String poolName,
            int taskId,
            long workerPid,
            String workerName,
            String remoteTraceback,
            Throwable cause) {
        super(exceptionText + " (task " + taskId + " of " + poolName + ", in " + workerName + ", pid " + workerPid
                + ")");
        this.taskId = taskId;
        this.workerPid = workerPid;
        this.workerName = workerName;
        this.remoteTraceback = remoteTraceback;
        if (cause != null) {
            initCause(cause);
        } else if (!remoteTraceback.isEmpty()) {
            initCause(new RemoteTraceback(remoteTraceback));
        }
    }

    /** The pool's number of the failed task ({@link dev.proclab.engine.event.PoolEvent#taskId()}). */
    public int taskId() {
        return taskId;
    }

    /** The worker process that ran the task. */
    public long workerPid() {
        return workerPid;
    }

    public String workerName() {
        return workerName;
    }

    /** The stack trace printed in the worker, as text; empty when the worker died without one. */
    public String remoteTraceback() {
        return remoteTraceback;
    }
}
