package dev.proclab.engine.event;

/**
 * Lines of process {@code droppedPid} that were not kept because the run reached its output cap. Reported
 * by the supervisor (so {@code pid} is the supervisor's), at most once a second per process while lines
 * are dropped and once more when the run ends; {@code count} is the total dropped so far.
 */
public record OutputDropped(long seq, long nanos, long pid, long droppedPid, long count) implements Event {}
