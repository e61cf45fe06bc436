package dev.proclab.engine.event;

/**
 * Something happened to a semaphore, in the order the broker applied it. Reported by the supervisor.
 *
 * @param actor the process that asked
 * @param value the semaphore's counter after the operation (how many more may acquire without waiting)
 * @param inside pids that acquired and have not released yet, in the order they got in, separated by
 *     spaces (a semaphore is not owned: this is what the timeline shows as "inside")
 * @param waiters pids waiting, in the order they will get in, separated by spaces
 * @param line line of the lesson program that asked, or 0 when unknown
 */
public record SemaphoreEvent(
        long seq,
        long nanos,
        long pid,
        long actor,
        int objectId,
        LockEvent.Op op,
        int value,
        String inside,
        String waiters,
        int line)
        implements Event {}
