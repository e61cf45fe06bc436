package dev.proclab.engine.event;

import java.util.Comparator;

/**
 * Something happened to a lock. ACQUIRED, RELEASED and TIMED_OUT are reported by the process that acted
 * ({@code pid == actor}), ACQUIRED stamped just after it took the lock and RELEASED just before it let it
 * go, so the holding intervals of different processes never overlap on the one clock; WAITING (a
 * process parked in the broker, with the broker's queue), HOLDER_DIED, and the release and retake of a
 * Condition's lock are reported by the supervisor's broker ({@code pid} is the supervisor's). Events of
 * different processes arrive in no particular order: {@link #TIME_ORDER} sorts them.
 *
 * @param actor the process that asked (for {@link Op#HOLDER_DIED}, the dead holder)
 * @param holder the pid holding the lock after the operation, or -1 when it is free
 * @param waiters the pids parked waiting for it after the operation, in the order the broker will wake
 *     them, separated by spaces; empty in the events a process reports itself
 * @param line line of the lesson program that asked, or 0 when unknown
 */
public record LockEvent(
        long seq, long nanos, long pid, long actor, int objectId, Op op, long holder, String waiters, int line)
        implements Event {

    /**
     * Time order: by {@code nanos}; at one nanosecond a release comes before what others did (a release is
     * stamped before the lock is let go, an acquisition after it was taken), then by pid and seq.
     */
    public static final Comparator<LockEvent> TIME_ORDER = Comparator.comparingLong(LockEvent::nanos)
            .thenComparingInt(e -> e.op() == Op.RELEASED ? 0 : e.op() == Op.ACQUIRED ? 2 : 1)
            .thenComparingLong(LockEvent::pid)
            .thenComparingLong(LockEvent::seq);

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
