package dev.proclab.trace;

import dev.proclab.engine.event.ProcessState;

/** What a process's lane shows for a stretch of time. */
public enum LaneState {
    /** Asked for but not running its code yet: from the parent's spawn request to the child's start. */
    STARTING,
    /** Executing its own code. */
    RUNNING,
    /** In {@code sleep}. */
    SLEEPING,
    /** Waiting for something outside itself: a child in {@code join}, a lock, a queue, ... */
    BLOCKED;

    /** The lane state that shows an engine process state. */
    public static LaneState of(ProcessState state) {
        return switch (state) {
            case RUNNING -> RUNNING;
            case SLEEPING -> SLEEPING;
            case BLOCKED -> BLOCKED;
        };
    }
}
