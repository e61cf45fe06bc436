package dev.proclab.engine.event;

/**
 * The reporting process wrote {@code value} into a shared {@code Value} or element {@code index} of a
 * shared {@code Array}. Writes are sampled so that a loop writing millions of times keeps the trace
 * bounded: a process reports at most one write per object per millisecond, and {@code skipped} says how
 * many of its writes to that object since its previous report were not reported.
 *
 * @param objectId the broker's id of the object (see {@link IpcCreated})
 * @param index the element written; 0 for a Value
 * @param line line of the lesson program that wrote, or 0 when unknown
 */
public record SharedWrite(long seq, long nanos, long pid, int objectId, int index, double value, int skipped, int line)
        implements Event {}
