package dev.proclab.cli;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.run.EventSink;
import dev.proclab.engine.run.Run;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Prints a run's lines as they come, each prefixed by its process's name and pid, in the order they
 * happened. Events of different processes reach the supervisor a little out of step, so lines wait
 * {@link #HOLD_NANOS} in a buffer ordered by their timestamps before they are printed; {@link #finish()}
 * prints the rest. Called by the run's collector thread (as an {@link EventSink}) and, once at the end,
 * by the thread that waited for the run.
 */
final class ConsolePrinter implements EventSink {
    static final long HOLD_NANOS = 150_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Map<Long, String> names = new HashMap<>();
    private final PriorityQueue<Event> pending =
            new PriorityQueue<>(Comparator.comparingLong(Event::nanos).thenComparingLong(Event::seq));

    ConsolePrinter(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public synchronized void accept(List<Event> batch) {
        for (Event e : batch) {
            if (e instanceof Spawned s) {
                names.putIfAbsent(s.childPid(), s.childName());
            } else if (e instanceof ProcessStarted p) {
                names.put(p.pid(), p.name());
            } else if (e instanceof Output || e instanceof OutputDropped) {
                pending.add(e);
            }
        }
        printUpTo(System.nanoTime() - HOLD_NANOS);
    }

    synchronized void finish() {
        printUpTo(Long.MAX_VALUE);
        out.flush();
        err.flush();
    }

    private void printUpTo(long nanos) {
        List<Event> ready = new ArrayList<>();
        while (!pending.isEmpty() && pending.peek().nanos() <= nanos) {
            ready.add(pending.poll());
        }
        for (Event e : ready) {
            if (e instanceof Output o) {
                (o.stream() == Output.Stream.ERR ? err : out).println(prefix(o.pid()) + o.text());
            } else if (e instanceof OutputDropped d) {
                err.println("[proclab] " + d.count() + " lines of " + name(d.droppedPid()) + " (pid "
                        + d.droppedPid() + ") were dropped: a process may keep " + Run.MAX_LINES_PER_PROCESS
                        + " lines, a run " + Run.MAX_LINES);
            }
        }
        if (!ready.isEmpty()) {
            out.flush();
            err.flush();
        }
    }

    String name(long pid) {
        return names.getOrDefault(pid, "pid " + pid);
    }

    private String prefix(long pid) {
        String name = names.get(pid);
        return "[" + (name == null ? "proclab" : name) + " " + pid + "] ";
    }
}
