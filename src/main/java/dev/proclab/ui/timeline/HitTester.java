package dev.proclab.ui.timeline;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.PrintedLine;
import dev.proclab.trace.ProcessExit;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.StateSegment;
import java.util.ArrayList;
import java.util.List;

/** Finds what lies under a point of the canvas, as a {@link TimelineSelection} with its words. */
final class HitTester {

    private HitTester() {}

    /** What is at ({@code x}, {@code y}) in frame {@code f}, or null when nothing is. */
    static TimelineSelection pick(Frame f, double x, double y) {
        TimelineLayout.Row row = f.layout().rowAt(y, f.viewport());
        if (row == null || x > f.plotRight()) {
            return null;
        }
        if (x < f.plotLeft()) {
            return row.kind() == TimelineLayout.Kind.LANE ? process(f, row.lane().lane) : null;
        }
        long t = f.viewport().toNanos(x - f.plotLeft());
        return switch (row.kind()) {
            case LANE -> lane(f, row, x, y, t);
            case LOCK -> lock(f, row.lock(), t);
            case SEMAPHORE -> semaphore(f, row.semaphore(), t);
            case QUEUE -> queue(f, row.queue(), t);
            case DATA -> data(f, row.data(), t);
            case HEADER -> null;
        };
    }

    private static TimelineSelection lane(Frame f, TimelineLayout.Row row, double x, double y, long t) {
        ProcessLane lane = row.lane().lane;
        double slop = f.metrics().presenter ? 7 : 5;
        if (lane.endNanos().isPresent() && Math.abs(x - f.x(lane.endNanos().getAsLong())) <= slop) {
            return exit(f, lane);
        }
        double barTop = f.y(row) + f.barInset();
        if (y >= barTop + f.barHeight() * 0.5) {
            PrintedLine line = nearestLine(f, lane.lines(), t, x, slop);
            if (line != null) {
                return printed(f, lane, line);
            }
        }
        int i = row.lane().segments.indexAt(t, f.now());
        if (i < 0) {
            return null;
        }
        TimelineSelection state = state(f, lane, row.lane().segments.get(i));
        PoolFold.Task task = taskAt(f, lane.pid(), t);
        if (task == null) {
            return state;
        }
        // On a pool worker's lane, the task it was running comes first: that is what the lesson is about.
        List<String> detail = new ArrayList<>();
        detail.add(f.text().format("pool.tip", Integer.toString(task.taskId), Integer.toString(task.jobId)));
        detail.add(f.text().format("pool.inputs", task.inputs));
        if (task.finished()) {
            detail.add(f.text().format(task.ok ? "pool.result" : "pool.failed", task.result));
            detail.add(span(f, task.startNanos, task.endNanos));
        } else {
            detail.add(span(f, task.startNanos, Long.MAX_VALUE));
        }
        detail.add(state.detail());
        return new TimelineSelection(
                state.kind(),
                state.pid(),
                state.processName(),
                -1,
                state.nanos(),
                state.endNanos(),
                state.sinceStartNanos(),
                task.line > 0 ? task.line : state.line(),
                state.title() + " · " + TaskPainter.label(f, task),
                String.join("\n", detail));
    }

    private static PoolFold.Task taskAt(Frame f, long pid, long t) {
        PoolFold.WorkerTasks tasks = f.model().pools().worker(pid);
        if (tasks == null) {
            return null;
        }
        int i = tasks.lastStartingAtOrBefore(t);
        return i >= 0 && t < tasks.end(i, f.now()) ? tasks.get(i) : null;
    }

    private static TimelineSelection semaphore(Frame f, SemaphoreTrack sem, long t) {
        int r = sem.runAt(t);
        int i = sem.indexAt(t);
        if (r < 0 || i < 0) {
            return null;
        }
        TimelineText text = f.text();
        int first = sem.runFirstStep(r);
        List<String> names = new ArrayList<>();
        for (long pid : sem.inside(first)) {
            names.add(f.processName(pid));
        }
        String state = text.format("sem.inside", Integer.toString(names.size()), String.join(", ", names));
        List<String> detail = new ArrayList<>();
        detail.add(span(f, sem.runStart(r), sem.runEnd(r, openEnd(f))));
        var now = sem.event(i);
        detail.add(text.lockOp(now.op(), f.processName(now.actor())));
        detail.add(text.format("sem.value", Integer.toString(now.value())));
        long[] waiters = sem.waiters(i);
        if (waiters.length > 0) {
            List<String> order = new ArrayList<>();
            for (long pid : waiters) {
                order.add(f.processName(pid));
            }
            detail.add(text.format("lock.order", String.join(", ", order)));
        }
        line(f, detail, now.line());
        return new TimelineSelection(
                TimelineSelection.Kind.SEMAPHORE,
                now.actor(),
                f.processName(now.actor()),
                sem.objectId,
                sem.runStart(r),
                sem.runEnd(r, openEnd(f)),
                sem.runStart(r) - f.model().origin(),
                now.line(),
                sem.name() + ": " + state,
                String.join("\n", detail));
    }

    private static TimelineSelection data(Frame f, DataTrack data, long t) {
        TimelineText text = f.text();
        List<String> detail = new ArrayList<>();
        long writer = -1;
        long at = Long.MIN_VALUE;
        int line = 0;
        for (DataTrack.Series s : data.series()) {
            int i = s.indexAt(t);
            if (i < 0) {
                continue;
            }
            String value = DataPainter.format(s.value(i));
            String who = f.processName(s.writer(i));
            detail.add(
                    data.kind().equals("Array")
                            ? text.format("data.element", Integer.toString(s.index), value, who)
                            : text.format("data.value", value, who));
            if (s.nanos(i) > at) {
                at = s.nanos(i);
                writer = s.writer(i);
                line = s.line(i);
            }
        }
        if (detail.isEmpty()) {
            return null;
        }
        detail.add(text.format("tip.at", TimeAxis.format(at - f.model().origin())));
        detail.add(text.format("data.sampled", Long.toString(data.reported()), Long.toString(data.skipped())));
        line(f, detail, line);
        return new TimelineSelection(
                TimelineSelection.Kind.DATA,
                writer,
                f.processName(writer),
                data.objectId,
                at,
                at,
                at - f.model().origin(),
                line,
                data.name() + ": " + detail.get(0),
                String.join("\n", detail));
    }

    private static PrintedLine nearestLine(Frame f, List<PrintedLine> lines, long t, double x, double slop) {
        int j = LanePainter.firstLineAtOrAfter(lines, 0, t);
        PrintedLine best = null;
        double bestDistance = slop;
        for (int k = Math.max(0, j - 1); k <= Math.min(lines.size() - 1, j); k++) {
            double d = Math.abs(f.x(lines.get(k).nanos()) - x);
            if (d <= bestDistance) {
                best = lines.get(k);
                bestDistance = d;
            }
        }
        return best;
    }

    static TimelineSelection process(Frame f, ProcessLane lane) {
        List<String> detail = new ArrayList<>();
        long from = lane.spawnRequestedNanos()
                .orElse(lane.bootNanos().orElse(lane.startNanos().orElse(f.now())));
        long to = lane.endNanos().orElse(Long.MAX_VALUE);
        detail.add(span(f, from, to));
        lane.exit().ifPresent(exit -> detail.add(f.text().exit(exit)));
        line(f, detail, lane.spawnLine());
        return selection(
                f,
                TimelineSelection.Kind.PROCESS,
                lane,
                -1,
                from,
                to,
                lane.spawnLine(),
                Labels.laneTitle(lane),
                detail);
    }

    private static TimelineSelection state(Frame f, ProcessLane lane, StateSegment s) {
        TimelineText text = f.text();
        List<String> detail = new ArrayList<>();
        if (!s.reason().isEmpty()) {
            detail.add(text.reason(s.reason()));
        }
        detail.add(span(f, s.startNanos(), s.endNanos()));
        if (s.state() == LaneState.STARTING && !s.isOpen()) {
            String parent = lane.ppid() >= 0 ? f.processName(lane.ppid()) : "?";
            detail.add(text.format("tip.spawn", parent, TimeAxis.format(s.endNanos() - s.startNanos())));
        }
        if (s.onPid() >= 0) {
            detail.add(text.format("tip.waitsFor", f.processName(s.onPid()) + " · " + s.onPid()));
        }
        line(f, detail, s.line());
        String title = Labels.laneTitle(lane) + ": " + text.state(s.state());
        return selection(
                f, TimelineSelection.Kind.STATE, lane, -1, s.startNanos(), s.endNanos(), s.line(), title, detail);
    }

    private static TimelineSelection printed(Frame f, ProcessLane lane, PrintedLine line) {
        List<String> detail = new ArrayList<>();
        detail.add(line.text());
        detail.add(f.text()
                .format("tip.at", TimeAxis.format(line.nanos() - f.model().origin())));
        line(f, detail, line.line());
        String title = f.text().format("tip.printed", Labels.laneTitle(lane));
        return selection(
                f,
                TimelineSelection.Kind.PRINTED_LINE,
                lane,
                -1,
                line.nanos(),
                line.nanos(),
                line.line(),
                title,
                detail);
    }

    private static TimelineSelection exit(Frame f, ProcessLane lane) {
        long end = lane.endNanos().getAsLong();
        ProcessExit exit = lane.exit().orElse(null);
        String what = exit != null ? f.text().exit(exit) : f.text().get("exit.withRun");
        List<String> detail = new ArrayList<>();
        detail.add(f.text().format("tip.at", TimeAxis.format(end - f.model().origin())));
        return selection(
                f, TimelineSelection.Kind.EXIT, lane, -1, end, end, 0, Labels.laneTitle(lane) + ": " + what, detail);
    }

    private static TimelineSelection lock(Frame f, LockTrack lock, long t) {
        int r = lock.runAt(t);
        int i = lock.indexAt(t);
        if (r < 0 || i < 0) {
            return null;
        }
        TimelineText text = f.text();
        int first = lock.runFirstStep(r);
        LockEvent acquired = lock.event(first);
        long holder = lock.holder(first);
        String state = holder < 0
                ? text.get("lock.free")
                : lock.holderDead(first)
                        ? text.format("lock.dead", f.processName(holder))
                        : text.format("lock.held", f.processName(holder));
        List<String> detail = new ArrayList<>();
        detail.add(span(f, lock.runStart(r), lock.runEnd(r, openEnd(f))));
        LockEvent now = lock.event(i);
        detail.add(text.lockOp(now.op(), f.processName(now.actor())));
        long[] waiters = lock.waiters(i);
        if (waiters.length > 0) {
            List<String> names = new ArrayList<>();
            for (long pid : waiters) {
                names.add(f.processName(pid));
            }
            detail.add(text.format("lock.order", String.join(", ", names)));
        }
        line(f, detail, acquired.line());
        long pid = holder >= 0 ? holder : now.actor();
        return new TimelineSelection(
                TimelineSelection.Kind.LOCK,
                pid,
                f.processName(pid),
                lock.objectId,
                lock.runStart(r),
                lock.runEnd(r, openEnd(f)),
                lock.runStart(r) - f.model().origin(),
                acquired.line(),
                lock.name() + ": " + state,
                String.join("\n", detail));
    }

    private static TimelineSelection queue(Frame f, QueueTrack queue, long t) {
        int i = queue.indexAt(t);
        if (i < 0) {
            return null;
        }
        TimelineText text = f.text();
        QueueEvent e = queue.event(i);
        List<String> detail = new ArrayList<>();
        detail.add(text.queueOp(e.op(), f.processName(e.actor()), e.preview()));
        detail.add(
                text.format("tip.at", TimeAxis.format(queue.nanos(i) - f.model().origin())));
        detail.add(e.size() == 0 ? text.get("queue.empty") : String.join(" | ", queue.contents(i)));
        if (queue.joinable()) {
            detail.add(text.format("queue.unfinished", Integer.toString(e.unfinished())));
        }
        line(f, detail, e.line());
        long end = i + 1 < queue.size() ? queue.nanos(i + 1) : openEnd(f);
        return new TimelineSelection(
                TimelineSelection.Kind.QUEUE,
                e.actor(),
                f.processName(e.actor()),
                queue.objectId,
                queue.nanos(i),
                end,
                queue.nanos(i) - f.model().origin(),
                e.line(),
                queue.name() + ": " + text.format("queue.items", Integer.toString(e.size())),
                String.join("\n", detail));
    }

    private static TimelineSelection selection(
            Frame f,
            TimelineSelection.Kind kind,
            ProcessLane lane,
            int objectId,
            long from,
            long to,
            int line,
            String title,
            List<String> detail) {
        return new TimelineSelection(
                kind,
                lane.pid(),
                lane.name(),
                objectId,
                from,
                to,
                from - f.model().origin(),
                line,
                title,
                String.join("\n", detail));
    }

    /** Where the last step of a lock or queue ends: the run's end, or never yet while it runs. */
    private static long openEnd(Frame f) {
        return f.model().ended() ? f.now() : Long.MAX_VALUE;
    }

    private static String span(Frame f, long from, long to) {
        long origin = f.model().origin();
        if (to == Long.MAX_VALUE) {
            return f.text().format("tip.still", TimeAxis.format(from - origin));
        }
        return f.text()
                .format(
                        "tip.span",
                        TimeAxis.format(from - origin),
                        TimeAxis.format(to - origin),
                        TimeAxis.format(to - from));
    }

    private static void line(Frame f, List<String> detail, int line) {
        if (line > 0) {
            detail.add(f.text().format("tip.line", Integer.toString(line)));
        }
    }
}
