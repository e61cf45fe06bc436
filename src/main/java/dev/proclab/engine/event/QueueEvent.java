package dev.proclab.engine.event;

/**
 * Something happened to a queue, in the order the broker applied it. Reported by the supervisor.
 *
 * @param actor the process that asked
 * @param itemId the item's id, the same on its {@link Op#PUT} and its {@link Op#GOT}, so a put can be
 *     joined to its get; -1 when no item is involved
 * @param preview a short text of the item ({@code toString()}, cut to 40 characters), or empty
 * @param size the number of items in the queue after the operation
 * @param contents previews of the items in the queue after the operation, front first, separated by
 *     {@code " | "} (at most the first 16)
 * @param unfinished a JoinableQueue's count of items put but not yet marked done; 0 for other queues
 * @param line line of the lesson program that asked, or 0 when unknown
 */
public record QueueEvent(
        long seq,
        long nanos,
        long pid,
        long actor,
        int objectId,
        Op op,
        long itemId,
        String preview,
        int size,
        String contents,
        int unfinished,
        int line)
        implements Event {

    /** What happened. */
    public enum Op {
        /** An item went in. */
        PUT,
        /** An item came out, to {@code actor}. */
        GOT,
        /** The actor's put must wait: the queue is full. */
        BLOCKED_FULL,
        /** The actor's get must wait: the queue is empty. */
        BLOCKED_EMPTY,
        /** A put gave up (timeout or non-blocking): the queue was full. */
        FULL,
        /** A get gave up (timeout or non-blocking): the queue was empty. */
        EMPTY,
        /** {@code taskDone()} of a JoinableQueue. */
        TASK_DONE,
        /** The actor waits in {@code join()} of a JoinableQueue until every item is done. */
        JOIN_WAITING,
        /** The actor's {@code join()} returned: no unfinished items remain. */
        JOINED
    }
}
