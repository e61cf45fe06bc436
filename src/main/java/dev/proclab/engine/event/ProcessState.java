package dev.proclab.engine.event;

/** What a live process is doing, as the timeline draws it. */
public enum ProcessState {
    /** Executing its own code. */
    RUNNING,
    /** In {@code sleep}. */
    SLEEPING,
    /** Waiting for something outside itself: a child in {@code join}, a lock, a queue, ... */
    BLOCKED
}
