package dev.proclab.engine.event;

/**
 * Something happened to an {@code Event}, a {@code Condition} or a {@code Barrier}, in the order the
 * broker applied it. Reported by the supervisor. Which kind the object is comes from its
 * {@link IpcCreated} (same {@code objectId}); the lock of a Condition has its own {@link LockEvent}s.
 *
 * <p>Operations that wake several processes are reported as one event for the operation followed, at
 * once and in the order they are woken, by one event per woken process ({@link Op#WOKEN} or
 * {@link Op#PASSED}) whose {@code actor} is that process; its wait returns after that event.
 *
 * @param actor the process the event is about: the one that asked, or the one woken or passed
 * @param waiters the pids blocked on the object after the operation, separated by spaces, in the order
 *     they will be served: processes waiting for the Event's flag, for a notify of the Condition (not
 *     those only waiting to take its lock back), or those that arrived at the Barrier in this round and
 *     wait for the rest (a process that died there stays listed, as it stays counted; arrivals held while
 *     the action runs are not listed until they join the next round with their own {@link Op#ARRIVED})
 * @param count for an Event, its flag after the operation (1 up, 0 down), whatever the op; for a
 *     Condition, how many a {@link Op#NOTIFIED} wakes, else how many wait for a notify after the
 *     operation; for a Barrier, how many have arrived in this round after an {@link Op#ARRIVED} (the
 *     actor included), the actor's arrival index after a {@link Op#PASSED}, how many were released with
 *     BrokenBarrierException after a {@link Op#BROKEN}, else how many wait in it
 * @param line line of the lesson program that asked (for a woken or timed-out process, the line of its
 *     wait), or 0 when unknown (a process that died)
 */
public record SyncEvent(
        long seq, long nanos, long pid, long actor, int objectId, Op op, String waiters, int count, int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** Event: the actor raised the flag; every waiter follows as {@link #WOKEN}. */
        SET,
        /** Event: the actor lowered the flag. */
        CLEARED,
        /**
         * The actor blocks: on an Event whose flag is down, or on a Condition, whose lock the actor
         * releases in the same step (the lock's {@link LockEvent} RELEASED follows).
         */
        WAITING,
        /**
         * The actor stops waiting because of the event before it: an Event's {@link #SET}, or a
         * Condition's {@link #NOTIFIED}. A Condition waiter then takes the lock back (a {@link LockEvent}
         * ACQUIRED, maybe after WAITING) before its wait returns true.
         */
        WOKEN,
        /**
         * The actor's wait on an Event returned at once (the flag was up), or the Barrier let the actor pass
         * ({@code count} = its arrival index, 0 for the first to arrive).
         */
        PASSED,
        /**
         * The actor's wait gave up: its timeout passed (or it was 0). An Event's wait returns false; a
         * Condition's takes the lock back and returns false; a Barrier's breaks the barrier
         * ({@link #BROKEN} follows).
         */
        TIMED_OUT,
        /**
         * Condition: the actor, holding the lock, notified; {@code count} = how many it wakes (0 when
         * nobody waits), each following as {@link #WOKEN}.
         */
        NOTIFIED,
        /**
         * Barrier: the actor arrived; {@code count} = how many have arrived in this round, the actor
         * included. When it reaches the parties, this event is followed by {@link #ACTION} or by one
         * {@link #PASSED} per arrival, in arrival order, the actor last (none for an arrival whose process
         * has died).
         */
        ARRIVED,
        /** Barrier: the last arrival (the actor) now runs the barrier's action; then all pass, or it breaks. */
        ACTION,
        /**
         * Barrier: it is broken, by the actor's timeout, {@code abort()}, {@code reset()}, failed action or
         * death; {@code count} = how many waiters were released with BrokenBarrierException.
         */
        BROKEN,
        /** Barrier: the actor reset it: empty and no longer broken (a {@link #BROKEN} comes first when some waited). */
        RESET,
        /** Barrier: the actor's wait failed at once because the barrier is broken. */
        REFUSED
    }
}
