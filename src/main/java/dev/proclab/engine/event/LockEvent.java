package dev.proclab.engine.event;

/**
 * Something happened to a lock, in the order the broker applied it. Reported by the supervisor.
 *
 * @param actor the process that asked (for {@link Op#HOLDER_DIED}, the dead holder)
 * @param holder the pid holding the lock after the operation, or -1 when it is free
 * @param waiters the pids waiting for it after the operation, in the order they will get it, separated by
 *     spaces
 * @param line line of the lesson program that asked, or 0 when unknown
 */
public record LockEvent(
        long seq, long nanos, long pid, long actor, int objectId, Op op, long holder, String waiters, int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** The actor asked for the lock and must wait: it is held. */
        WAITING,
        /** The actor got the lock (at once or after waiting). */
        ACQUIRED,
        /** The actor released the lock. */
        RELEASED,
        /** The actor's acquire gave up after its timeout or because it would block. */
        TIMED_OUT,
        /** The holder ended without releasing: the lock stays held by a dead process, as in Python. */
        HOLDER_DIED
    }
}
