package dev.proclab.trace;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.EventSink;
import dev.proclab.engine.run.RunSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The append-only record of one run: every event in the order the run's collector delivered it, plus
 * what the run was ({@link #info()}).
 *
 * <p><b>Threads.</b> One thread appends: normally the run's collector, through {@link #accept} (a trace is
 * an {@link EventSink}). Appending is serialised, so a second writer cannot corrupt the trace, but the
 * order of its batches against the first writer's is then unspecified. Any number of other threads (the
 * JavaFX thread, an exporter) read at the same time without taking a lock: {@link #size()}, {@link
 * #get(int)}, {@link #snapshot()} and {@link #events(int)} never block and never see a batch half
 * appended.
 *
 * <p><b>Order.</b> Index {@code i} is the {@code i}-th event delivered and never changes. As the sink
 * contract says, the events of one process are in their {@code seq} order, events of different processes
 * are in the order the collector received them (not necessarily in {@code nanos} order), and a
 * {@link RunEnded} is the last event; appending after it is refused.
 *
 * <p><b>Memory.</b> The trace keeps every event it is given, for as long as it is reachable: a few dozen
 * bytes per event plus the printed text. It does not bound itself; the supervisor caps the lines a run
 * may print (reporting the rest as {@code OutputDropped}), which bounds the bulk of a run's events.
 */
public final class Trace implements EventSink {

    private final RunInfo info;
    private final AppendOnlyList<Event> events = new AppendOnlyList<>();
    private volatile RunEnded ended;

    public Trace(RunInfo info) {
        this.info = Objects.requireNonNull(info, "info");
    }

    /** An empty trace for a run of {@code spec} started now. */
    public static Trace forRun(RunSpec spec) {
        return new Trace(RunInfo.of(spec, System.nanoTime()));
    }

    /** A finished trace holding {@code events}, for example one read back from a file. */
    public static Trace of(RunInfo info, List<? extends Event> events) {
        Trace trace = new Trace(info);
        trace.append(events);
        return trace;
    }

    public RunInfo info() {
        return info;
    }

    /**
     * Adds a batch at the end. Readers see the whole batch at once, once this returns.
     *
     * @throws IllegalStateException if the trace already holds its {@link RunEnded}
     * @throws NullPointerException if the batch holds a null
     */
    public synchronized void append(List<? extends Event> batch) {
        if (batch.isEmpty()) {
            return;
        }
        if (ended != null) {
            throw new IllegalStateException("the run has ended; its trace takes no more events");
        }
        RunEnded last = null;
        for (int i = 0; i < batch.size(); i++) {
            Event event = Objects.requireNonNull(batch.get(i), "event");
            if (last != null) {
                throw new IllegalStateException("events after RunEnded in one batch: " + event);
            }
            if (event instanceof RunEnded runEnded) {
                last = runEnded;
            }
        }
        events.addAll(batch);
        if (last != null) {
            ended = last;
        }
    }

    /** Same as {@link #append}, so that a trace can be handed to a run as its sink. */
    @Override
    public void accept(List<Event> batch) {
        append(batch);
    }

    /** How many events the trace holds now; only ever grows. */
    public int size() {
        return events.size();
    }

    /** The {@code index}-th event delivered. */
    public Event get(int index) {
        return events.get(index);
    }

    /** The events held now, as an immutable list that later appends do not change. */
    public List<Event> snapshot() {
        return events.view(0, events.size());
    }

    /**
     * The events from {@code fromIndex} to the end as it is now, as an immutable list: what a reader that
     * has consumed {@code fromIndex} events has not seen yet.
     */
    public List<Event> events(int fromIndex) {
        return events.view(fromIndex, events.size());
    }

    /** The run's {@link RunEnded}, once the trace holds it. */
    public Optional<RunEnded> ended() {
        return Optional.ofNullable(ended);
    }

    @Override
    public String toString() {
        return "Trace[" + info.runId() + ", " + info.lessonId() + ", " + size() + " events"
                + (ended != null ? ", ended " + ended.outcome() : "") + "]";
    }
}
