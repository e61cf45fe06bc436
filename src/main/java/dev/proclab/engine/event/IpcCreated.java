package dev.proclab.engine.event;

/**
 * Process {@code actor} created a shared object (a lock, a queue, ...) that the supervisor's broker now
 * serves. Reported by the supervisor.
 *
 * @param objectId the broker's id of the object, used by every later event about it
 * @param kind what it is: {@code Lock}, {@code RLock}, {@code Queue}, {@code JoinableQueue}, ...
 * @param name its display name ({@code Lock-1}, {@code Queue-1}, ...)
 * @param capacity a queue's {@code maxsize} (0 = unbounded), a pool's number of worker processes, a
 *     barrier's parties; 0 for other kinds
 * @param line line of the lesson program that created it, or 0 when unknown
 */
public record IpcCreated(
        long seq, long nanos, long pid, long actor, int objectId, String kind, String name, int capacity, int line)
        implements Event {}
