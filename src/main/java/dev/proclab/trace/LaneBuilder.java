package dev.proclab.trace;

import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the fold has learnt so far about one process. Every field is set from the events that concern it
 * regardless of the order in which different processes' events arrived, so the snapshot depends only on
 * which events were folded.
 */
final class LaneBuilder {

    final long pid;
    long startedPpid = -1;
    long spawnedBy = -1;
    long exitSeenBy = -1;
    String startedName;
    String spawnedName;
    Boolean startedDaemon;
    Boolean spawnedDaemon;
    boolean main;
    OptionalLong spawnRequestedNanos = OptionalLong.empty();
    int spawnLine;
    OptionalLong bootNanos = OptionalLong.empty();
    OptionalLong startNanos = OptionalLong.empty();
    long firstSeenNanos;
    final AppendOnlyList<Mark> marks = new AppendOnlyList<>();
    final AppendOnlyList<PrintedLine> lines = new AppendOnlyList<>();
    long droppedLines;
    Exiting exiting;
    Exited exited;
    boolean daemonTerminated;

    LaneBuilder(long pid, long firstSeenNanos) {
        this.pid = pid;
        this.firstSeenNanos = firstSeenNanos;
    }

    void mark(Mark mark) {
        int n = marks.size();
        if (n > 0 && marks.get(n - 1).sameStateAs(mark)) {
            return;
        }
        marks.add(mark);
    }

    /** The parent the process reported, else the one that spawned it, else the one that saw it end. */
    long ppid() {
        if (startedPpid >= 0) {
            return startedPpid;
        }
        return spawnedBy >= 0 ? spawnedBy : exitSeenBy;
    }

    /** When the process was first asked for or seen: orders siblings. */
    long orderNanos() {
        if (spawnRequestedNanos.isPresent()) {
            return spawnRequestedNanos.getAsLong();
        }
        if (bootNanos.isPresent()) {
            return bootNanos.getAsLong();
        }
        return startNanos.orElse(firstSeenNanos);
    }

    ProcessLane snapshot(OptionalLong runEndNanos) {
        OptionalLong end = endNanos(runEndNanos);
        long endOrOpen = end.orElse(StateSegment.OPEN);
        return new ProcessLane(
                pid,
                ppid(),
                name(),
                startedDaemon != null ? startedDaemon : spawnedDaemon != null && spawnedDaemon,
                main,
                spawnRequestedNanos,
                spawnLine,
                bootNanos,
                startNanos,
                new SegmentList(starting(endOrOpen), marks.view(0, marks.size()), endOrOpen),
                exit(),
                end,
                lines.view(0, lines.size()),
                droppedLines);
    }

    private String name() {
        if (startedName != null) {
            return startedName;
        }
        return spawnedName != null ? spawnedName : "pid " + pid;
    }

    private OptionalLong endNanos(OptionalLong runEndNanos) {
        if (exited != null) {
            return OptionalLong.of(exited.nanos());
        }
        if (exiting != null) {
            return OptionalLong.of(exiting.nanos());
        }
        // The run is over and every process with it, even those whose end nobody reported (tree killed).
        return runEndNanos;
    }

    private StateSegment starting(long endOrOpen) {
        long from;
        if (spawnRequestedNanos.isPresent()) {
            from = spawnRequestedNanos.getAsLong();
        } else if (bootNanos.isPresent() && startNanos.isPresent()) {
            // No parent in the trace asked for it (the lesson's main, started by the supervisor): show its
            // own JVM start-up.
            from = bootNanos.getAsLong();
        } else {
            return null;
        }
        long to = startNanos.orElse(endOrOpen);
        return new StateSegment(LaneState.STARTING, from, Math.max(from, to), "", -1, spawnLine);
    }

    private Optional<ProcessExit> exit() {
        if (exited != null) {
            return Optional.of(new ProcessExit(exited.nanos(), exited.exitCode(), true, daemonTerminated));
        }
        if (exiting != null) {
            return Optional.of(new ProcessExit(exiting.nanos(), exiting.exitCode(), false, daemonTerminated));
        }
        return Optional.empty();
    }
}
