package dev.proclab.trace;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's events by hand, in delivery order, with times in milliseconds after a base and each
 * source's {@code seq} counted for it.
 */
final class EventScript {

    static final long SUPERVISOR = 100;

    private final long baseNanos;
    private final Map<Long, Long> seqs = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    EventScript(long baseNanos) {
        this.baseNanos = baseNanos;
    }

    long t(double ms) {
        return baseNanos + Math.round(ms * 1_000_000);
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    EventScript spawned(double ms, long parent, long child, String name, boolean daemon) {
        return add(new Spawned(seq(parent), t(ms), parent, child, name, daemon, 12));
    }

    EventScript started(double bootMs, double ms, long pid, long ppid, String name, boolean daemon, boolean main) {
        return add(new ProcessStarted(seq(pid), t(ms), pid, ppid, name, daemon, main, t(bootMs)));
    }

    EventScript state(double ms, long pid, ProcessState state, String reason, long onPid) {
        return add(new StateChanged(seq(pid), t(ms), pid, state, reason, onPid, 7));
    }

    EventScript running(double ms, long pid) {
        return state(ms, pid, ProcessState.RUNNING, "", -1);
    }

    EventScript sleeping(double ms, long pid, String reason) {
        return state(ms, pid, ProcessState.SLEEPING, reason, -1);
    }

    EventScript joining(double ms, long pid, long child) {
        return state(ms, pid, ProcessState.BLOCKED, "join " + child, child);
    }

    EventScript print(double ms, long pid, String text) {
        return add(new Output(seq(pid), t(ms), pid, Output.Stream.OUT, text, 5));
    }

    EventScript printErr(double ms, long pid, String text) {
        return add(new Output(seq(pid), t(ms), pid, Output.Stream.ERR, text, 0));
    }

    EventScript exiting(double ms, long pid, int code) {
        return add(new Exiting(seq(pid), t(ms), pid, code));
    }

    EventScript exited(double ms, long reporter, long pid, int code) {
        return add(new Exited(seq(reporter), t(ms), reporter, pid, code));
    }

    EventScript daemonTerminated(double ms, long parent, long child) {
        return add(new DaemonTerminated(seq(parent), t(ms), parent, child));
    }

    EventScript dropped(double ms, long pid, long count) {
        return add(new OutputDropped(seq(SUPERVISOR), t(ms), SUPERVISOR, pid, count));
    }

    EventScript runEnded(double ms, RunEnded.Outcome outcome, String message) {
        return add(new RunEnded(seq(SUPERVISOR), t(ms), SUPERVISOR, outcome, message));
    }

    private EventScript add(Event event) {
        events.add(event);
        return this;
    }

    private long seq(long pid) {
        return seqs.merge(pid, 1L, Long::sum) - 1;
    }
}
