package dev.proclab.lesson;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.trace.RunInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A run written by hand for check tests: times in milliseconds after the run's start, each source's
 * {@code seq} counted for it. The supervisor (pid 1) starts the main process.
 */
final class RunScript {
    static final long BASE = 5_000_000_000L;
    static final long SUPERVISOR = 1;

    private final Map<Long, Long> seqs = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    static long t(double ms) {
        return BASE + Math.round(ms * 1_000_000);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    RunInfo info(Map<String, String> knobs, double timeScale) {
        return new RunInfo("run-1", "test", knobs, timeScale, BASE);
    }

    /** The main process, asked for at 0 ms, booted at {@code startMs} - 20 and running its code at {@code startMs}. */
    RunScript main(long pid, double startMs) {
        add(new Spawned(seq(SUPERVISOR), t(0), SUPERVISOR, pid, "MainProcess", false, 0));
        return add(
                new ProcessStarted(seq(pid), t(startMs), pid, SUPERVISOR, "MainProcess", false, true, t(startMs - 20)));
    }

    /** A child asked for by {@code parent} at {@code askedMs} whose code starts at {@code startMs}. */
    RunScript child(long parent, long pid, String name, boolean daemon, double askedMs, double startMs) {
        add(new Spawned(seq(parent), t(askedMs), parent, pid, name, daemon, 9));
        return add(new ProcessStarted(seq(pid), t(startMs), pid, parent, name, daemon, false, t(startMs - 10)));
    }

    RunScript print(double ms, long pid, String text) {
        return add(new Output(seq(pid), t(ms), pid, Output.Stream.OUT, text, 5));
    }

    RunScript printErr(double ms, long pid, String text) {
        return add(new Output(seq(pid), t(ms), pid, Output.Stream.ERR, text, 5));
    }

    RunScript sleeping(double ms, long pid) {
        return add(new StateChanged(seq(pid), t(ms), pid, ProcessState.SLEEPING, "sleep", -1, 6));
    }

    RunScript running(double ms, long pid) {
        return add(new StateChanged(seq(pid), t(ms), pid, ProcessState.RUNNING, "", -1, 8));
    }

    RunScript joining(double ms, long pid, long child) {
        return add(new StateChanged(seq(pid), t(ms), pid, ProcessState.BLOCKED, "join " + child, child, 7));
    }

    /** The process's code ends ({@code Exiting}) and its parent sees it end 5 ms later. */
    RunScript ends(double ms, long parent, long pid, int code) {
        add(new Exiting(seq(pid), t(ms), pid, code));
        return add(new Exited(seq(parent), t(ms + 5), parent, pid, code));
    }

    RunScript daemonTerminated(double ms, long parent, long child) {
        add(new DaemonTerminated(seq(parent), t(ms), parent, child));
        return add(new Exited(seq(parent), t(ms + 5), parent, child, -15));
    }

    RunScript runEnded(double ms) {
        return add(new RunEnded(seq(SUPERVISOR), t(ms), SUPERVISOR, RunEnded.Outcome.COMPLETED, ""));
    }

    RunScript runEnded(double ms, RunEnded.Outcome outcome, String message) {
        return add(new RunEnded(seq(SUPERVISOR), t(ms), SUPERVISOR, outcome, message));
    }

    RunScript blocked(double ms, long pid, String reason, long onPid) {
        return add(new StateChanged(seq(pid), t(ms), pid, ProcessState.BLOCKED, reason, onPid, 9));
    }

    /** The parent sees {@code pid} killed (-9) at the end of the run, without its code having ended. */
    RunScript killed(double ms, long pid) {
        return add(new Exited(seq(SUPERVISOR), t(ms), SUPERVISOR, pid, -9));
    }

    /** The broker (the supervisor) created shared object {@code id} for {@code actor}. */
    RunScript created(double ms, long actor, int id, String kind, String name, int capacity) {
        return add(new IpcCreated(seq(SUPERVISOR), t(ms), SUPERVISOR, actor, id, kind, name, capacity, 3));
    }

    /** A lock event as the broker reports it; {@code holder} is the holder after it (-1 free). */
    RunScript lock(double ms, long actor, int id, LockEvent.Op op, long holder) {
        return add(new LockEvent(seq(SUPERVISOR), t(ms), SUPERVISOR, actor, id, op, holder, "", 4));
    }

    /**
     * A pool event of task {@code task} (input {@code index}) or of a worker, reported by {@code source}: the
     * broker (the supervisor) or the worker for STARTED and FINISHED.
     */
    RunScript pool(double ms, long source, long actor, int id, PoolEvent.Op op, int task, int index, long worker) {
        return add(new PoolEvent(
                seq(source), t(ms), source, actor, id, op, 1, task, index, task == 0 ? 0 : 1, worker, true, "", 4));
    }

    /** A queue event as the broker reports it, with the size and unfinished count after it. */
    RunScript queue(
            double ms, long actor, int id, QueueEvent.Op op, long item, String preview, int size, int unfinished) {
        return add(new QueueEvent(
                seq(SUPERVISOR), t(ms), SUPERVISOR, actor, id, op, item, preview, size, "", unfinished, 4));
    }

    private RunScript add(Event e) {
        events.add(e);
        return this;
    }

    private long seq(long pid) {
        return seqs.merge(pid, 1L, Long::sum) - 1;
    }
}
