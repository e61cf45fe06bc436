package dev.proclab.ui.console;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.OutputDropped;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.Spawned;
import dev.proclab.trace.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * What every process of a run printed, in time order, each line with its process's name and colour, and
 * filterable by process.
 *
 * <p>{@link #poll(long)} reads the trace's new events; the view calls it once per frame. Lines of
 * different processes reach the trace in the order the supervisor received them, which is not always the
 * order they were printed in; so a line is held back until it is {@link #SETTLE_NANOS} old, sorted in
 * among the others by its time stamp, and only then shown. Once the run has ended everything is shown.
 *
 * <p>The console keeps the last {@link #MAX_LINES} lines; {@link #droppedProperty()} counts the rest.
 * Used on the JavaFX thread.
 */
public final class ConsoleViewModel {
    public static final int MAX_LINES = 10_000;
    static final long SETTLE_NANOS = 80_000_000L;
    private static final Comparator<ConsoleLine> BY_TIME = Comparator.comparingLong(ConsoleLine::nanos);

    private final ObservableList<ConsoleLine> lines = FXCollections.observableArrayList();
    private final FilteredList<ConsoleLine> visible = new FilteredList<>(lines);
    private final ObservableList<ConsoleLine> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ObservableList<ConsoleProcess> processes = FXCollections.observableArrayList();
    private final ObservableList<ConsoleProcess> processesView = FXCollections.unmodifiableObservableList(processes);
    private final ObjectProperty<ConsoleProcess> filter = new SimpleObjectProperty<>(this, "filter");
    private final ReadOnlyIntegerWrapper dropped = new ReadOnlyIntegerWrapper(this, "dropped");

    private final List<ConsoleLine> pending = new ArrayList<>();
    private final Map<Long, ConsoleProcess> byPid = new HashMap<>();
    private final Set<Long> supervisors = new HashSet<>();
    private Trace trace;
    private int read;

    public ConsoleViewModel() {
        filter.subscribe(f -> visible.setPredicate(f == null ? null : line -> line.pid() == f.pid()));
    }

    /** The lines shown, in time order, after the filter (read-only). */
    public ObservableList<ConsoleLine> visibleLines() {
        return visible;
    }

    /** Every line kept, in time order, whatever the filter. */
    public List<ConsoleLine> allLines() {
        return linesView;
    }

    /** The processes seen, in the order they appeared. */
    public ObservableList<ConsoleProcess> processes() {
        return processesView;
    }

    /** The process whose lines are shown, or null for all. */
    public ObjectProperty<ConsoleProcess> filterProperty() {
        return filter;
    }

    /** How many old lines were let go to stay within {@link #MAX_LINES}. */
    public ReadOnlyIntegerProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** {@link System#nanoTime()} of the run's start: line times are shown from here. */
    public long originNanos() {
        return trace == null ? 0 : trace.info().startNanos();
    }

    /** True when there is nothing more to read: no trace, or an ended one read and shown in full. */
    public boolean isSettled() {
        return trace == null || trace.ended().isPresent() && read == trace.size() && pending.isEmpty();
    }

    /** Starts over with another trace (or none). */
    public void follow(Trace next) {
        trace = next;
        read = 0;
        lines.clear();
        pending.clear();
        processes.clear();
        byPid.clear();
        supervisors.clear();
        filter.set(null);
        dropped.set(0);
    }

    /**
     * Reads what the trace has gained since the last call and shows the lines that have settled.
     *
     * @param nowNanos {@link System#nanoTime()} now
     * @return true when the lines shown changed
     */
    public boolean poll(long nowNanos) {
        if (trace == null) {
            return false;
        }
        List<Event> fresh = trace.events(read);
        read += fresh.size();
        for (Event event : fresh) {
            take(event);
        }
        if (pending.isEmpty()) {
            return false;
        }
        boolean all = trace.ended().isPresent();
        pending.sort(BY_TIME);
        int ready = 0;
        while (ready < pending.size() && (all || pending.get(ready).nanos() <= nowNanos - SETTLE_NANOS)) {
            ready++;
        }
        if (ready == 0) {
            return false;
        }
        List<ConsoleLine> batch = new ArrayList<>(pending.subList(0, ready));
        pending.subList(0, ready).clear();
        show(batch);
        return true;
    }

    private void take(Event event) {
        if (event instanceof Spawned s) {
            if (!byPid.containsKey(s.pid())) {
                // Whoever spawned a process but never reported its own start is the supervisor.
                supervisors.add(s.pid());
            }
            process(s.childPid(), s.childName());
        } else if (event instanceof ProcessStarted p) {
            supervisors.remove(p.pid());
            process(p.pid(), p.name());
        } else if (event instanceof Output o) {
            ConsoleProcess p = process(o.pid(), null);
            ConsoleLine.Kind kind = o.stream() == Output.Stream.ERR ? ConsoleLine.Kind.ERR : ConsoleLine.Kind.OUT;
            pending.add(new ConsoleLine(o.nanos(), o.pid(), p.name(), p.colour(), kind, o.text(), o.line()));
        } else if (event instanceof OutputDropped d) {
            ConsoleProcess p = process(d.droppedPid(), null);
            pending.add(new ConsoleLine(
                    d.nanos(),
                    d.droppedPid(),
                    p.name(),
                    p.colour(),
                    ConsoleLine.Kind.NOTE,
                    Long.toString(d.count()),
                    0));
        }
    }

    /** The process with this pid, named now if the name is known and new. */
    private ConsoleProcess process(long pid, String name) {
        ConsoleProcess known = byPid.get(pid);
        if (known != null && (name == null || name.equals(known.name()))) {
            return known;
        }
        boolean supervisor = supervisors.contains(pid) && name == null;
        int colour = known != null
                ? known.colour()
                : supervisor
                        ? -1
                        : (int) processes.stream().filter(p -> p.colour() >= 0).count();
        String shown = name != null ? name : supervisor ? "jvm" : "pid " + pid;
        ConsoleProcess made = new ConsoleProcess(pid, shown, colour);
        byPid.put(pid, made);
        if (known == null) {
            processes.add(made);
        } else {
            processes.set(processes.indexOf(known), made);
        }
        return made;
    }

    private void show(List<ConsoleLine> batch) {
        if (lines.isEmpty()
                || batch.get(0).nanos() >= lines.get(lines.size() - 1).nanos()) {
            lines.addAll(batch);
        } else {
            // A line older than what is shown: merge, which is rare and cheap at these sizes.
            List<ConsoleLine> merged = new ArrayList<>(lines.size() + batch.size());
            merged.addAll(lines);
            merged.addAll(batch);
            merged.sort(BY_TIME);
            lines.setAll(merged);
        }
        int excess = lines.size() - MAX_LINES;
        if (excess > 0) {
            lines.remove(0, excess);
            dropped.set(dropped.get() + excess);
        }
    }
}
