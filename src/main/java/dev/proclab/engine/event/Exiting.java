package dev.proclab.engine.event;

/**
 * The process's own code finished and it is about to exit with {@code exitCode} (0 normally, 1 after an
 * uncaught exception). A process that is killed never reports this; its parent's {@link Exited} does.
 */
public record Exiting(long seq, long nanos, long pid, int exitCode) implements Event {}
