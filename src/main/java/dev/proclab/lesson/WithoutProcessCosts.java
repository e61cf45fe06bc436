package dev.proclab.lesson;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Spawned;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.StateSegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How long a process's code would have taken if starting and ending a process cost nothing.
 *
 * <p>A new JVM takes a few tenths of a second to start and some hundredths to end, whatever the time
 * scale; on a loaded machine, {@code start()} itself may take as long, and children started together may
 * begin seconds apart. Those costs are real (the timeline shows them) but they are not what start-join
 * teaches: whether the children's sleeps overlap or add up. So the process's timeline is replayed on an
 * ideal clock that advances with real time except:
 *
 * <ul>
 *   <li>not while the process is inside {@code start()} (from its {@code Spawned} to its next event) or
 *       waiting in a plain {@code join} (one without a timeout);
 *   <li>a child asked for at ideal time {@code t} has done its work at {@code t} plus the length of its
 *       own code (from its start to its {@code Exiting});
 *   <li>when the process learns that a child ended (the child's {@code Exited}), the clock moves on to at
 *       least the moment that child's work was done.
 * </ul>
 *
 * Children whose start or end the trace does not hold, and daemons terminated when the process ended
 * (their code never ended on its own), move the clock as nothing but their {@code start()} call.
 */
final class WithoutProcessCosts {
    private WithoutProcessCosts() {}

    /** A child asked for ({@code spawn}) or seen to end, at {@code nanos}. */
    private record Point(long nanos, long child, boolean spawn) {}

    static long duration(ProcessLane lane, RunFacts run, long from, long to) {
        List<long[]> paused = new ArrayList<>();
        for (StateSegment s : lane.segments()) {
            if (isPlainJoin(s)) {
                paused.add(new long[] {s.startNanos(), s.endOr(to)});
            }
        }
        List<Event> own = run.eventsOf(lane.pid());
        for (int i = 0; i < own.size(); i++) {
            if (own.get(i) instanceof Spawned spawned) {
                long returned = i + 1 < own.size() ? own.get(i + 1).nanos() : to;
                paused.add(new long[] {spawned.nanos(), returned});
            }
        }
        List<long[]> pauses = Spans.union(paused);

        List<Point> points = new ArrayList<>();
        Map<Long, Long> codeLengths = new HashMap<>();
        for (ProcessLane child : run.lanes.lanes()) {
            if (child.ppid() != lane.pid() || child.pid() == lane.pid()) {
                continue;
            }
            OptionalLong length = codeLength(child, run);
            Optional<ProcessExit> exit = child.exit();
            if (length.isPresent()
                    && child.spawnRequestedNanos().isPresent()
                    && exit.isPresent()
                    && exit.get().confirmed()
                    && !exit.get().daemonTerminated()) {
                codeLengths.put(child.pid(), length.getAsLong());
                points.add(new Point(child.spawnRequestedNanos().getAsLong(), child.pid(), true));
                points.add(new Point(exit.get().nanos(), child.pid(), false));
            }
        }
        points.sort(Comparator.comparingLong(Point::nanos));

        Map<Long, Long> workDone = new HashMap<>();
        long ideal = 0;
        long cursor = from;
        for (Point p : points) {
            long at = Math.min(to, Math.max(cursor, p.nanos()));
            ideal += Spans.uncovered(cursor, at, pauses);
            cursor = at;
            if (p.spawn()) {
                workDone.put(p.child(), ideal + codeLengths.get(p.child()));
            } else if (workDone.containsKey(p.child())) {
                ideal = Math.max(ideal, workDone.get(p.child()));
            }
        }
        return ideal + Spans.uncovered(cursor, to, pauses);
    }

    private static boolean isPlainJoin(StateSegment s) {
        return s.state() == LaneState.BLOCKED
                && s.onPid() >= 0
                && s.reason().startsWith("join")
                && !s.reason().contains("timeout");
    }

    private static OptionalLong codeLength(ProcessLane child, RunFacts run) {
        OptionalLong start = child.startNanos();
        OptionalLong end = run.codeEnd(child);
        if (start.isEmpty() || end.isEmpty()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, end.getAsLong() - start.getAsLong()));
    }

    /** Time spans as {@code {from, to}} pairs of nanos. */
    static final class Spans {
        private Spans() {}

        /** The spans merged into disjoint ones, in order. */
        static List<long[]> union(List<long[]> spans) {
            List<long[]> sorted = new ArrayList<>(spans);
            sorted.sort(Comparator.comparingLong(x -> x[0]));
            List<long[]> merged = new ArrayList<>();
            for (long[] span : sorted) {
                if (span[1] <= span[0]) {
                    continue;
                }
                long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
                if (last != null && span[0] <= last[1]) {
                    last[1] = Math.max(last[1], span[1]);
                } else {
                    merged.add(new long[] {span[0], span[1]});
                }
            }
            return merged;
        }

        /** How much of {@code [from, to)} no span of {@code disjoint} covers. */
        static long uncovered(long from, long to, List<long[]> disjoint) {
            long length = Math.max(0, to - from);
            for (long[] span : disjoint) {
                length -= Math.max(0, Math.min(to, span[1]) - Math.max(from, span[0]));
            }
            return length;
        }
    }
}
