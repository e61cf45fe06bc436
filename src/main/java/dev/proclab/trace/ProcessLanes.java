package dev.proclab.trace;

import dev.proclab.engine.event.RunEnded;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fold of a trace's first {@code eventCount} events: one lane per process. An immutable value that may
 * be handed to any thread.
 *
 * @param lanes every process, parents before their children, siblings in the order they were started
 * @param firstNanos the earliest time stamp among the events (boot times included); empty when none
 * @param lastNanos the latest time stamp among the events; empty when none
 * @param runEnded the run's end, once folded
 */
public record ProcessLanes(
        int eventCount,
        List<ProcessLane> lanes,
        OptionalLong firstNanos,
        OptionalLong lastNanos,
        Optional<RunEnded> runEnded) {

    public ProcessLanes {
        lanes = List.copyOf(lanes);
    }

    /** The lane of process {@code pid}, if the trace mentions it. */
    public Optional<ProcessLane> lane(long pid) {
        for (ProcessLane lane : lanes) {
            if (lane.pid() == pid) {
                return Optional.of(lane);
            }
        }
        return Optional.empty();
    }

    /** The lesson's main process, once it reported its start. */
    public Optional<ProcessLane> mainLane() {
        return lanes.stream().filter(ProcessLane::main).findFirst();
    }
}
