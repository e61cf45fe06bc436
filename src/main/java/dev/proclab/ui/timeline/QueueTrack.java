package dev.proclab.ui.timeline;

import dev.proclab.engine.event.QueueEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one queue did: its size, contents and unfinished count after every {@link QueueEvent} (a step
 * lasts until the next), and each item's journey from the process that put it to the one that got it.
 * Grown by {@link QueueFold}; read by the painter on the same thread.
 */
final class QueueTrack {

    /** One item: put by {@code putPid} at {@code putNanos}; got by {@code getPid} at {@code getNanos}. */
    static final class Flow {
        final long itemId;
        final String preview;
        final long putPid;
        final long putNanos;
        final int putLine;
        long getPid = -1;
        long getNanos = -1;
        int getLine;

        Flow(long itemId, String preview, long putPid, long putNanos, int putLine) {
            this.itemId = itemId;
            this.preview = preview;
            this.putPid = putPid;
            this.putNanos = putNanos;
            this.putLine = putLine;
        }

        boolean got() {
            return getPid >= 0;
        }
    }

    final int objectId;
    private String name;
    private String kind = "Queue";
    private int capacity;
    private int line;

    private int size;
    private long[] nanos = new long[8];
    private QueueEvent[] events = new QueueEvent[8];
    private int maxSize;
    private int maxUnfinished;

    private final List<Flow> flows = new ArrayList<>();
    private long[] flowPutNanos = new long[8];
    private final Map<Long, Flow> waitingForGet = new HashMap<>();

    QueueTrack(int objectId) {
        this.objectId = objectId;
        this.name = "Queue #" + objectId;
    }

    void created(String name, String kind, int capacity, int line) {
        this.name = name;
        this.kind = kind;
        this.capacity = capacity;
        this.line = line;
    }

    void add(QueueEvent event) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
            events = Arrays.copyOf(events, size * 2);
        }
        long t = size > 0 ? Math.max(nanos[size - 1], event.nanos()) : event.nanos();
        nanos[size] = t;
        events[size] = event;
        size++;
        maxSize = Math.max(maxSize, event.size());
        maxUnfinished = Math.max(maxUnfinished, event.unfinished());
        if (event.op() == QueueEvent.Op.PUT && event.itemId() >= 0) {
            Flow flow = new Flow(event.itemId(), event.preview(), event.actor(), t, event.line());
            if (flows.size() == flowPutNanos.length) {
                flowPutNanos = Arrays.copyOf(flowPutNanos, flows.size() * 2);
            }
            flowPutNanos[flows.size()] = t;
            flows.add(flow);
            waitingForGet.put(event.itemId(), flow);
        } else if (event.op() == QueueEvent.Op.GOT && event.itemId() >= 0) {
            Flow flow = waitingForGet.remove(event.itemId());
            if (flow != null) {
                flow.getPid = event.actor();
                flow.getNanos = t;
                flow.getLine = event.line();
            }
        }
    }

    String name() {
        return name;
    }

    String kind() {
        return kind;
    }

    boolean joinable() {
        return kind.startsWith("Joinable");
    }

    /** The queue's {@code maxsize}; 0 when unbounded. */
    int capacity() {
        return capacity;
    }

    int line() {
        return line;
    }

    int size() {
        return size;
    }

    long nanos(int i) {
        return nanos[i];
    }

    QueueEvent event(int i) {
        return events[i];
    }

    /** The largest count the step chart must fit: the capacity, or the most items ever held if larger. */
    int scale() {
        return Math.max(1, Math.max(Math.max(capacity, maxSize), maxUnfinished));
    }

    int maxUnfinished() {
        return maxUnfinished;
    }

    /** The end of step {@code i}: the next step's start, or {@code now} for the last. */
    long end(int i, long now) {
        return i + 1 < size ? nanos[i + 1] : Math.max(nanos[i], now);
    }

    /** The step in force at {@code t}, or -1 before the first. */
    int indexAt(long t) {
        return Search.lastAtOrBefore(nanos, size, t);
    }

    /** The items in the queue during step {@code i}, front first (at most the first 16). */
    List<String> contents(int i) {
        String text = events[i].contents();
        if (text.isEmpty()) {
            return List.of();
        }
        return List.of(text.split(" \\| ", -1));
    }

    /** Every item put so far, in the order they were put. */
    List<Flow> flows() {
        return flows;
    }

    /** The first flow put at or after {@code t}. */
    int firstFlowAtOrAfter(long t) {
        return Search.firstAtOrAfter(flowPutNanos, 0, flows.size(), t);
    }
}
