package dev.proclab.ui.timeline;

import dev.proclab.engine.event.DaemonTerminated;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Exiting;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.event.StateChanged;
import dev.proclab.trace.RunInfo;
import dev.proclab.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's events by hand, in delivery order, with times in milliseconds after the run's start and
 * each source's {@code seq} counted for it. The supervisor's pid is {@link #SUPERVISOR}.
 */
final class Events {

    static final long SUPERVISOR = 100;
    static final long BASE = 5_000_000_000L;

    private final Map<Long, Long> seqs = new HashMap<>();
    private final List<Event> events = new ArrayList<>();

    static long t(double ms) {
        return BASE + Math.round(ms * 1_000_000);
    }

    List<Event> list() {
        return List.copyOf(events);
    }

    /**
     * The events as a finished trace, in time order (as the collector would deliver a calm run), each
     * source's {@code seq} counted again in that order.
     */
    Trace trace(String lessonId) {
        return Trace.of(info(lessonId), inTimeOrder());
    }

    List<Event> inTimeOrder() {
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(Event::nanos));
        Map<Long, Long> counts = new HashMap<>();
        List<Event> out = new ArrayList<>(sorted.size());
        for (Event event : sorted) {
            out.add(withSeq(event, counts.merge(event.pid(), 1L, Long::sum) - 1));
        }
        return out;
    }

    private static Event withSeq(Event e, long s) {
        if (e instanceof Spawned x) {
            return new Spawned(s, x.nanos(), x.pid(), x.childPid(), x.childName(), x.daemon(), x.line());
        } else if (e instanceof ProcessStarted x) {
            return new ProcessStarted(s, x.nanos(), x.pid(), x.ppid(), x.name(), x.daemon(), x.main(), x.bootNanos());
        } else if (e instanceof StateChanged x) {
            return new StateChanged(s, x.nanos(), x.pid(), x.state(), x.reason(), x.onPid(), x.line());
        } else if (e instanceof Output x) {
            return new Output(s, x.nanos(), x.pid(), x.stream(), x.text(), x.line());
        } else if (e instanceof Exiting x) {
            return new Exiting(s, x.nanos(), x.pid(), x.exitCode());
        } else if (e instanceof Exited x) {
            return new Exited(s, x.nanos(), x.pid(), x.exitedPid(), x.exitCode());
        } else if (e instanceof DaemonTerminated x) {
            return new DaemonTerminated(s, x.nanos(), x.pid(), x.childPid());
        } else if (e instanceof IpcCreated x) {
            return new IpcCreated(
                    s, x.nanos(), x.pid(), x.actor(), x.objectId(), x.kind(), x.name(), x.capacity(), x.line());
        } else if (e instanceof LockEvent x) {
            return new LockEvent(
                    s, x.nanos(), x.pid(), x.actor(), x.objectId(), x.op(), x.holder(), x.waiters(), x.line());
        } else if (e instanceof QueueEvent x) {
            return new QueueEvent(
                    s,
                    x.nanos(),
                    x.pid(),
                    x.actor(),
                    x.objectId(),
                    x.op(),
                    x.itemId(),
                    x.preview(),
                    x.size(),
                    x.contents(),
                    x.unfinished(),
                    x.line());
        } else if (e instanceof RunEnded x) {
            return new RunEnded(s, x.nanos(), x.pid(), x.outcome(), x.message());
        }
        return e;
    }

    static RunInfo info(String lessonId) {
        return new RunInfo("run-1", lessonId, Map.of(), 1.0, BASE);
    }

    Events spawned(double ms, long parent, long child, String name, boolean daemon, int line) {
        return add(new Spawned(seq(parent), t(ms), parent, child, name, daemon, line));
    }

    Events started(double bootMs, double ms, long pid, long ppid, String name, boolean daemon, boolean main) {
        return add(new ProcessStarted(seq(pid), t(ms), pid, ppid, name, daemon, main, t(bootMs)));
    }

    Events state(double ms, long pid, ProcessState state, String reason, long onPid, int line) {
        return add(new StateChanged(seq(pid), t(ms), pid, state, reason, onPid, line));
    }

    Events running(double ms, long pid) {
        return state(ms, pid, ProcessState.RUNNING, "", -1, 0);
    }

    Events sleeping(double ms, long pid, double seconds, int line) {
        return state(ms, pid, ProcessState.SLEEPING, "sleep " + seconds + " s", -1, line);
    }

    Events joining(double ms, long pid, long child, String childName, int line) {
        return state(ms, pid, ProcessState.BLOCKED, "join " + childName, child, line);
    }

    Events print(double ms, long pid, String text, int line) {
        return add(new Output(seq(pid), t(ms), pid, Output.Stream.OUT, text, line));
    }

    Events exiting(double ms, long pid, int code) {
        return add(new Exiting(seq(pid), t(ms), pid, code));
    }

    Events exited(double ms, long reporter, long pid, int code) {
        return add(new Exited(seq(reporter), t(ms), reporter, pid, code));
    }

    Events daemonTerminated(double ms, long parent, long child) {
        return add(new DaemonTerminated(seq(parent), t(ms), parent, child));
    }

    Events created(double ms, long actor, int objectId, String kind, String name, int capacity, int line) {
        return add(new IpcCreated(seq(SUPERVISOR), t(ms), SUPERVISOR, actor, objectId, kind, name, capacity, line));
    }

    Events lock(double ms, long actor, int objectId, LockEvent.Op op, long holder, String waiters, int line) {
        return add(new LockEvent(seq(SUPERVISOR), t(ms), SUPERVISOR, actor, objectId, op, holder, waiters, line));
    }

    Events queue(
            double ms,
            long actor,
            int objectId,
            QueueEvent.Op op,
            long itemId,
            String preview,
            int size,
            String contents,
            int unfinished,
            int line) {
        return add(new QueueEvent(
                seq(SUPERVISOR),
                t(ms),
                SUPERVISOR,
                actor,
                objectId,
                op,
                itemId,
                preview,
                size,
                contents,
                unfinished,
                line));
    }

    Events runEnded(double ms) {
        return add(new RunEnded(seq(SUPERVISOR), t(ms), SUPERVISOR, RunEnded.Outcome.COMPLETED, ""));
    }

    Events add(Event event) {
        events.add(event);
        return this;
    }

    private long seq(long pid) {
        return seqs.merge(pid, 1L, Long::sum) - 1;
    }
}
