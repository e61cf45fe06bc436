package dev.proclab.engine.event;

/**
 * The reporting process's main code finished while its daemon child {@code childPid} was still alive, so
 * it terminated that child (as Python does at a parent's exit). The child's {@link Exited} follows.
 */
public record DaemonTerminated(long seq, long nanos, long pid, long childPid) implements Event {}
