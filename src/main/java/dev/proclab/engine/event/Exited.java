package dev.proclab.engine.event;

/**
 * The parent (or, for the lesson's main process, the supervisor) saw process {@code exitedPid} end.
 *
 * @param exitCode as Python's {@code exitcode}: 0 normal, 1 uncaught exception, minus the signal number
 *     when ended by a signal (-15 after {@code terminate()}, -9 after {@code kill()})
 */
public record Exited(long seq, long nanos, long pid, long exitedPid, int exitCode) implements Event {}
