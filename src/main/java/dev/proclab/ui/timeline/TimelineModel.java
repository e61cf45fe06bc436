package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.ProcessLanes;
import dev.proclab.trace.Trace;
import dev.proclab.trace.TraceFold;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the timeline knows of the trace it shows: the trace's events folded so far into process lanes
 * ({@link TraceFold}), lock, semaphore, queue and shared-data tracks, the tasks of pool workers, plus the arrays that let a frame search them.
 *
 * <p>{@link #pull} reads the events appended since the last call (at most a budget of them, so a huge
 * finished trace loads over a few frames instead of freezing one) and folds them: O(new events) plus
 * O(processes). Used by one thread, the JavaFX thread.
 */
final class TimelineModel {

    /** A process lane with its depth in the process tree and its searchable segments. */
    static final class Lane {
        final long pid;
        ProcessLane lane;
        int depth;
        final SegmentIndex segments = new SegmentIndex();
        final LineIndex lines = new LineIndex();

        Lane(long pid) {
            this.pid = pid;
        }
    }

    /** How far from the run's start a clock reading may be and still be taken as the same clock. */
    private static final long SAME_CLOCK_WINDOW = 24L * 3600 * 1_000_000_000L;

    private Trace trace;
    private TraceFold fold = new TraceFold();
    private LockFold locks = new LockFold();
    private QueueFold queues = new QueueFold();
    private PoolFold pools = new PoolFold();
    private SemaphoreFold semaphores = new SemaphoreFold();
    private DataFold data = new DataFold();
    private MessageFold messages = new MessageFold();
    private ProcessLanes lanes;
    private final Map<Long, Lane> byPid = new HashMap<>();
    private final List<Lane> ordered = new ArrayList<>();
    private long origin;
    private long generation;

    /** Starts over with {@code trace}, or with nothing when null. */
    void reset(Trace trace) {
        this.trace = trace;
        fold = new TraceFold();
        locks = new LockFold();
        queues = new QueueFold();
        pools = new PoolFold();
        semaphores = new SemaphoreFold();
        data = new DataFold();
        messages = new MessageFold();
        lanes = null;
        byPid.clear();
        ordered.clear();
        origin = trace != null ? trace.info().startNanos() : 0;
        generation++;
    }

    Trace trace() {
        return trace;
    }

    /** Changes whenever the shown trace is replaced. */
    long generation() {
        return generation;
    }

    /**
     * Folds up to {@code budget} events the model has not seen yet, however long it takes.
     *
     * @return whether any were folded
     */
    boolean pull(int budget) {
        return pull(budget, Long.MAX_VALUE);
    }

    /**
     * Folds up to {@code budget} new events, stopping early (between chunks of a few thousand) once
     * {@code maxNanos} have passed, so that a frame reading a huge finished trace stays short.
     *
     * @return whether any were folded
     */
    boolean pull(int budget, long maxNanos) {
        if (trace == null) {
            return false;
        }
        int seen = fold.eventCount();
        int available = trace.size() - seen;
        if (available <= 0) {
            return false;
        }
        List<Event> batch = trace.events(seen);
        if (batch.size() > budget) {
            batch = batch.subList(0, budget);
        }
        long began = System.nanoTime();
        int n = batch.size();
        for (int i = 0; i < n; i++) {
            Event event = batch.get(i);
            fold.feed(event);
            locks.feed(event);
            queues.feed(event);
            pools.feed(event);
            semaphores.feed(event);
            data.feed(event);
            messages.feed(event);
            if ((i & 4095) == 4095 && System.nanoTime() - began > maxNanos) {
                break;
            }
        }
        lanes = fold.lanes();
        if (lanes.firstNanos().isPresent()) {
            long first = lanes.firstNanos().getAsLong();
            // A trace whose start was stamped on another clock: count from its first event instead.
            if (Math.abs(first - trace.info().startNanos()) > SAME_CLOCK_WINDOW) {
                origin = first;
            }
        }
        reindex();
        return true;
    }

    private void reindex() {
        ordered.clear();
        Map<Long, Integer> depth = new HashMap<>();
        for (ProcessLane lane : lanes.lanes()) {
            Lane row = byPid.computeIfAbsent(lane.pid(), Lane::new);
            row.lane = lane;
            row.segments.update(lane.segments());
            row.lines.update(lane.lines());
            Integer parentDepth = depth.get(lane.ppid());
            row.depth = parentDepth != null && lane.ppid() != lane.pid() ? parentDepth + 1 : 0;
            depth.put(lane.pid(), row.depth);
            ordered.add(row);
        }
    }

    /** Whether every event of the trace has been folded. */
    boolean caughtUp() {
        return trace == null || fold.eventCount() >= trace.size();
    }

    /** Whether the fold holds the run's end. */
    boolean ended() {
        return lanes != null && lanes.runEnded().isPresent();
    }

    int eventCount() {
        return fold.eventCount();
    }

    /** The lanes in tree order: parents before children, siblings in start order. */
    List<Lane> lanes() {
        return ordered;
    }

    Lane lane(long pid) {
        return byPid.get(pid);
    }

    List<LockTrack> locks() {
        return locks.tracks();
    }

    List<QueueTrack> queues() {
        return queues.tracks();
    }

    /** The tasks pool workers ran, by worker. */
    PoolFold pools() {
        return pools;
    }

    List<SemaphoreTrack> semaphores() {
        return semaphores.tracks();
    }

    /** Pipe messages and manager calls, as arrows between lanes. */
    MessageFold messages() {
        return messages;
    }

    /** Shared Values and Arrays that were written. */
    List<DataTrack> data() {
        return data.tracks();
    }

    /** Time 0 on the axis: when the run was started. */
    long origin() {
        return origin;
    }

    /** The earliest instant to show: the run's start or its first event, whichever is earlier. */
    long dataStart() {
        if (lanes == null || lanes.firstNanos().isEmpty()) {
            return origin;
        }
        return Math.min(origin, lanes.firstNanos().getAsLong());
    }

    /**
     * The newest instant: the run's end once it ended; while it runs, the later of its newest event and
     * {@code clockNanos} (this JVM's {@link System#nanoTime()}, the clock the run's events are stamped with),
     * so that open states grow smoothly between events. A clock reading that cannot be the run's clock (a
     * trace read from a file, from another boot) is ignored.
     */
    long liveEdge(long clockNanos) {
        if (lanes == null) {
            return origin;
        }
        long last = lanes.lastNanos().orElse(origin);
        if (lanes.runEnded().isPresent()) {
            return Math.max(last, lanes.runEnded().get().nanos());
        }
        if (caughtUp() && clockNanos >= origin && clockNanos - last < SAME_CLOCK_WINDOW) {
            return Math.max(last, clockNanos);
        }
        return last;
    }
}
