package dev.proclab.trace;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything the trace says about one process, up to some point of the trace: an immutable value.
 *
 * @param ppid the parent's pid, or -1 while unknown
 * @param name the name the process reported, else the one its parent gave it, else {@code "pid <pid>"}
 * @param main true for the lesson's main process
 * @param spawnRequestedNanos when the parent asked for the process ({@code Spawned}), if known
 * @param spawnLine line of the lesson program that started the process, or 0 when unknown
 * @param bootNanos when the process's JVM reached its {@code main}, if started
 * @param startNanos when the process's target (or the lesson's {@code main}) began, if started
 * @param segments its states in time order, back to back: {@link LaneState#STARTING} first when the spawn
 *     request or the boot is known, then the states the process reported; the last one is
 *     {@linkplain StateSegment#isOpen() open} while the process lives
 * @param exit how it ended, once known
 * @param endNanos when its lane ends: its exit, or the end of the run for a process whose exit was never
 *     reported; empty while it lives
 * @param lines what it printed, in order
 * @param droppedLines how many of its lines the supervisor did not keep (output cap)
 */
public record ProcessLane(
        long pid,
        long ppid,
        String name,
        boolean daemon,
        boolean main,
        OptionalLong spawnRequestedNanos,
        int spawnLine,
        OptionalLong bootNanos,
        OptionalLong startNanos,
        List<StateSegment> segments,
        Optional<ProcessExit> exit,
        OptionalLong endNanos,
        List<PrintedLine> lines,
        long droppedLines) {

    /** Whether the process is still running as far as the trace knows. */
    public boolean isAlive() {
        return endNanos.isEmpty();
    }

    /** The segment the lane shows at {@code nanos}, if any. */
    public Optional<StateSegment> segmentAt(long nanos) {
        int lo = 0;
        int hi = segments.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            StateSegment s = segments.get(mid);
            if (nanos < s.startNanos()) {
                hi = mid - 1;
            } else if (nanos >= s.endNanos()) {
                lo = mid + 1;
            } else {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
