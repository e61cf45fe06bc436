package dev.proclab.trace;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Folds events into {@link ProcessLanes}, incrementally: feeding {@code k} more events costs O(k), and
 * taking {@link #lanes()} costs O(number of processes), not O(events). Folding a trace's first {@code n}
 * events in one go or in any number of steps gives equal lanes, so scrubbing to event {@code n} and
 * following a live run are the same fold.
 *
 * <p>The lanes do not depend on how the events of different processes interleave, only on which events
 * were folded: a child's {@code ProcessStarted} may arrive before its parent's {@code Spawned}.
 *
 * <p>A fold is not thread-safe: one thread feeds it and takes its lanes (the JavaFX thread, once per
 * frame, say). The lanes it returns are immutable and may be handed to other threads.
 */
public final class TraceFold {

    private static final Comparator<LaneBuilder> START_ORDER =
            Comparator.comparingLong(LaneBuilder::orderNanos).thenComparingLong(b -> b.pid);

    private final Map<Long, LaneBuilder> lanes = new LinkedHashMap<>();
    private int eventCount;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    private RunEnded runEnded;

    /** The lanes of all of {@code events}. */
    public static ProcessLanes fold(List<? extends Event> events) {
        return new TraceFold().feed(events).lanes();
    }

    /** The lanes of the first {@code toIndex} events of {@code trace}: the timeline scrubbed to there. */
    public static ProcessLanes fold(Trace trace, int toIndex) {
        return fold(trace.snapshot().subList(0, toIndex));
    }

    /** How many events have been fed. */
    public int eventCount() {
        return eventCount;
    }

    /** Feeds the events of {@code trace} this fold has not seen, assuming it was fed only from it. */
    public TraceFold catchUp(Trace trace) {
        return feed(trace.events(eventCount));
    }

    public TraceFold feed(List<? extends Event> events) {
        for (Event event : events) {
            feed(event);
        }
        return this;
    }

    /** Folds one more event. This is the one place that tells event types apart for the lanes. */
    public TraceFold feed(Event event) {
        eventCount++;
        stamp(event.nanos());
        if (event instanceof Spawned e) {
            LaneBuilder child = lane(e.childPid(), e.nanos());
            child.spawnedBy = e.pid();
            child.spawnedName = e.childName();
            child.spawnedDaemon = e.daemon();
            child.spawnRequestedNanos = OptionalLong.of(e.nanos());
            child.spawnLine = e.line();
        } else if (event instanceof ProcessStarted e) {
            stamp(e.bootNanos());
            LaneBuilder lane = lane(e.pid(), e.bootNanos());
            lane.startedPpid = e.ppid();
            lane.startedName = e.name();
            lane.startedDaemon = e.daemon();
            lane.main = e.main();
            lane.bootNanos = OptionalLong.of(e.bootNanos());
            lane.startNanos = OptionalLong.of(e.nanos());
            lane.mark(new Mark(LaneState.RUNNING, e.nanos(), "", -1, 0));
        } else if (event instanceof StateChanged e) {
            lane(e.pid(), e.nanos())
                    .mark(new Mark(LaneState.of(e.state()), e.nanos(), e.reason(), e.onPid(), e.line()));
        } else if (event instanceof Output e) {
            lane(e.pid(), e.nanos()).lines.add(new PrintedLine(e.nanos(), e.stream(), e.text(), e.line()));
        } else if (event instanceof OutputDropped e) {
            LaneBuilder lane = lane(e.droppedPid(), e.nanos());
            lane.droppedLines = Math.max(lane.droppedLines, e.count());
        } else if (event instanceof Exiting e) {
            lane(e.pid(), e.nanos()).exiting = e;
        } else if (event instanceof Exited e) {
            LaneBuilder lane = lane(e.exitedPid(), e.nanos());
            lane.exited = e;
            lane.exitSeenBy = e.pid();
        } else if (event instanceof DaemonTerminated e) {
            lane(e.childPid(), e.nanos()).daemonTerminated = true;
        } else if (event instanceof RunEnded e) {
            runEnded = e;
        }
        // Other events (locks, queues, ... as the engine grows) say nothing about lanes: counted, no more.
        return this;
    }

    /** The lanes of every event fed so far. */
    public ProcessLanes lanes() {
        OptionalLong runEnd = runEnded != null ? OptionalLong.of(runEnded.nanos()) : OptionalLong.empty();
        List<ProcessLane> ordered = new ArrayList<>(lanes.size());
        for (LaneBuilder builder : treeOrder()) {
            ordered.add(builder.snapshot(runEnd));
        }
        return new ProcessLanes(
                eventCount,
                ordered,
                eventCount > 0 ? OptionalLong.of(firstNanos) : OptionalLong.empty(),
                eventCount > 0 ? OptionalLong.of(lastNanos) : OptionalLong.empty(),
                Optional.ofNullable(runEnded));
    }

    private LaneBuilder lane(long pid, long nanos) {
        LaneBuilder lane = lanes.computeIfAbsent(pid, p -> new LaneBuilder(p, nanos));
        lane.firstSeenNanos = Math.min(lane.firstSeenNanos, nanos);
        return lane;
    }

    private void stamp(long nanos) {
        firstNanos = Math.min(firstNanos, nanos);
        lastNanos = Math.max(lastNanos, nanos);
    }

    /** Parents before children (depth first), siblings and roots in start order, the lesson's main first. */
    private List<LaneBuilder> treeOrder() {
        Map<Long, List<LaneBuilder>> children = new HashMap<>();
        List<LaneBuilder> roots = new ArrayList<>();
        for (LaneBuilder lane : lanes.values()) {
            long ppid = lane.ppid();
            if (ppid != lane.pid && lanes.containsKey(ppid)) {
                children.computeIfAbsent(ppid, p -> new ArrayList<>()).add(lane);
            } else {
                roots.add(lane);
            }
        }
        roots.sort(Comparator.comparing((LaneBuilder b) -> !b.main).thenComparing(START_ORDER));
        children.values().forEach(list -> list.sort(START_ORDER));

        List<LaneBuilder> order = new ArrayList<>(lanes.size());
        Set<Long> visited = new HashSet<>();
        for (LaneBuilder root : roots) {
            visit(root, children, visited, order);
        }
        // A parent cycle (only possible with a reused pid) leaves lanes unvisited: keep them, in start order.
        if (order.size() < lanes.size()) {
            lanes.values().stream()
                    .filter(b -> !visited.contains(b.pid))
                    .sorted(START_ORDER)
                    .forEach(b -> visit(b, children, visited, order));
        }
        return order;
    }

    private static void visit(
            LaneBuilder lane, Map<Long, List<LaneBuilder>> children, Set<Long> visited, List<LaneBuilder> order) {
        if (!visited.add(lane.pid)) {
            return;
        }
        order.add(lane);
        for (LaneBuilder child : children.getOrDefault(lane.pid, List.of())) {
            visit(child, children, visited, order);
        }
    }
}
