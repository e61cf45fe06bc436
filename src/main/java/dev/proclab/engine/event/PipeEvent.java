package dev.proclab.engine.event;

/**
 * Something happened at one end of a pipe, in the order the broker applied it. Reported by the
 * supervisor.
 *
 * @param actor the process that asked
 * @param objectId the pipe's broker id (its {@link IpcCreated} has kind {@code Pipe})
 * @param end the end that acted: 0 for the first connection {@code Pipe.open()} returns ({@code conn1}),
 *     1 for the second ({@code conn2}); a send is reported at the sending end, a receive at the receiving
 *     end
 * @param op what happened
 * @param messageId the message's id, the same on its {@link Op#SENT} and its {@link Op#RECEIVED}, so the
 *     two can be joined by an arrow; -1 when no message is involved
 * @param preview a short text of the message ({@code toString()}, cut to 40 characters); for
 *     {@link Op#CLOSED} the pids of the processes whose copy of {@code end} is still open, separated by
 *     spaces (and {@code +N on the way} for copies sent to a process that has not read them yet), empty
 *     when none is, which makes the end closed; otherwise empty
 * @param pending the number of messages waiting to be received at the receiving end after the operation
 *     (for {@link Op#SENT}, {@link Op#SEND_BLOCKED} and {@link Op#SEND_RESUMED} the other end, otherwise
 *     {@code end})
 * @param pendingBytes the serialised size of those messages; an end buffers 64 KiB (one-way pipe) or
 *     208 KiB (duplex), like the operating system's pipe or socket pair under Python's Connection
 * @param duplex whether the pipe carries messages both ways ({@code Pipe.open(false)} makes a one-way
 *     pipe: end 0 only receives, end 1 only sends)
 * @param line line of the lesson program that asked, or 0 when unknown
 */
public record PipeEvent(
        long seq,
        long nanos,
        long pid,
        long actor,
        int objectId,
        int end,
        Op op,
        long messageId,
        String preview,
        int pending,
        long pendingBytes,
        boolean duplex,
        int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** A message went in at {@code end}, towards the other end. */
        SENT,
        /**
         * The message just {@link #SENT} does not fit in the other end's buffer: its sender waits until the
         * bytes ahead of it are received (Python's {@code send} blocks on a full pipe).
         */
        SEND_BLOCKED,
        /** The blocked sender of message {@code messageId} goes on: its message fits now, or was received. */
        SEND_RESUMED,
        /** A message came out at {@code end}, to {@code actor}. */
        RECEIVED,
        /** The actor's {@code recv()} at {@code end} must wait: no message is there. */
        BLOCKED,
        /** The actor's {@code poll} at {@code end} waits for a message (a poll with a timeout). */
        POLL_WAITING,
        /** A {@code poll} at {@code end} answered true: a message is there, or the other end is closed. */
        POLL_READY,
        /** A {@code poll} at {@code end} answered false: nothing came within its timeout. */
        POLL_EMPTY,
        /**
         * The actor's copy of {@code end} was closed: by {@code close()}, or because the actor ended. The end
         * itself is closed when no copy is left open ({@code preview} is empty).
         */
        CLOSED,
        /** A {@code recv()} at {@code end} raised EOF: nothing is left and every copy of the other end is closed. */
        EOF
    }
}
