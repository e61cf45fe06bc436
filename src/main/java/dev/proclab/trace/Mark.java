package dev.proclab.trace;

/** A process entered {@code state} at {@code nanos}; the segment it opens ends at the next mark. */
record Mark(LaneState state, long nanos, String reason, long onPid, int line) {

    boolean sameStateAs(Mark other) {
        return state == other.state && onPid == other.onPid && reason.equals(other.reason);
    }
}
