package dev.proclab.engine.event;

/**
 * One step of a call through a {@code Manager}'s proxy, or a change of the manager itself, in the order
 * the broker saw it. Reported by the supervisor. A proxy call is a round trip: the caller's
 * {@link Op#CALLED}, the manager process taking it ({@link Op#SERVED}), and the answer coming back
 * ({@link Op#RETURNED} or {@link Op#RAISED}); all three carry the same {@code callId}. Between them the
 * caller is BLOCKED on the manager's pid (a {@link StateChanged} of the caller).
 *
 * @param actor the process this step belongs to: the caller for CALLED, RETURNED, RAISED and DROPPED,
 *     the manager process for SERVED and STARTED, the process that shut the manager down for SHUTDOWN
 * @param objectId the manager's broker id (its {@link IpcCreated} has kind {@code SyncManager})
 * @param managerPid the pid of the manager's server process, or -1 before it is known
 * @param callId the call's id, shared by its steps; -1 for STARTED and SHUTDOWN
 * @param caller the pid of the process that made the call; -1 for STARTED and SHUTDOWN
 * @param target the object in the manager the call is about ({@code dict-1}, {@code list-2},
 *     {@code Lock-1} ...), or {@code manager} for the manager's own calls (creating an object)
 * @param method the method called ({@code put}, {@code append}, {@code get} ...)
 * @param args a short text of the arguments, or empty
 * @param result a short text of what the call returned (RETURNED), of the exception it raised in the
 *     manager process (RAISED), or why it was dropped (DROPPED); empty otherwise
 * @param line line of the lesson program that made the call, or 0 when unknown
 */
public record ManagerEvent(
        long seq,
        long nanos,
        long pid,
        long actor,
        int objectId,
        long managerPid,
        Op op,
        long callId,
        long caller,
        String target,
        String method,
        String args,
        String result,
        int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** The manager process is up and serves calls. */
        STARTED,
        /** A process called a proxy method; it now waits for the manager. */
        CALLED,
        /** The manager process took the call and runs it in its own memory. */
        SERVED,
        /** The call's result went back to the caller, which runs again. */
        RETURNED,
        /** The call raised an exception in the manager process; the caller gets it. */
        RAISED,
        /** The call was dropped: the manager was shut down or its process ended before answering. */
        DROPPED,
        /** The manager was asked to shut down; its process ends after the calls it is running. */
        SHUTDOWN
    }
}
