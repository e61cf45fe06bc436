package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@link IpcCreated} and {@link LockEvent}s into one {@link LockTrack} per lock. Tracks are listed
 * in the order the locks were first mentioned. Not thread-safe: the JavaFX thread feeds it once per frame
 * and paints from it.
 *
 * <p>The processes report their own acquisitions and releases, in batches, so a lock's events arrive
 * out of time order across processes. Events fed since the last {@link #tracks()} are held back and
 * then merged into the lock's events in {@link LockEvent#TIME_ORDER}; the track is rebuilt from the
 * earliest of them on, so a frame costs what its new events and those they overtake cost. A process's
 * own events carry no waiters: the waiters are the broker's list from its last event (WAITING, when a
 * process parks), less the processes that have since acquired or given up.
 */
final class LockFold {

    private final Map<Integer, LockTrack> byId = new HashMap<>();
    private final List<LockTrack> tracks = new ArrayList<>();
    private final Map<Integer, Merge> merges = new HashMap<>();
    private boolean pending;

    /** A lock's events in time order, and those fed since they were last merged. */
    private static final class Merge {
        final List<LockEvent> ordered = new ArrayList<>();
        final List<LockEvent> fresh = new ArrayList<>();
    }

    /** Whether an object of {@code kind} is drawn as a lock track. */
    static boolean isLockKind(String kind) {
        return kind.endsWith("Lock");
    }

    /** Folds one event; returns whether it concerned a lock. */
    boolean feed(Event event) {
        if (event instanceof IpcCreated e && isLockKind(e.kind())) {
            track(e.objectId()).created(e.name(), e.kind(), e.line());
            return true;
        }
        if (event instanceof LockEvent e) {
            track(e.objectId());
            merges.computeIfAbsent(e.objectId(), id -> new Merge()).fresh.add(e);
            pending = true;
            return true;
        }
        return false;
    }

    List<LockTrack> tracks() {
        if (pending) {
            pending = false;
            merges.forEach((id, m) -> {
                if (!m.fresh.isEmpty()) {
                    merge(byId.get(id), m);
                }
            });
        }
        return tracks;
    }

    private static void merge(LockTrack track, Merge m) {
        m.fresh.sort(LockEvent.TIME_ORDER);
        int from = Collections.binarySearch(m.ordered, m.fresh.get(0), LockEvent.TIME_ORDER);
        from = from >= 0 ? from : -from - 1;
        List<LockEvent> tail = new ArrayList<>(m.ordered.subList(from, m.ordered.size()));
        m.ordered.subList(from, m.ordered.size()).clear();
        int i = 0;
        int j = 0;
        while (i < tail.size() || j < m.fresh.size()) {
            boolean takeTail = j == m.fresh.size()
                    || i < tail.size() && LockEvent.TIME_ORDER.compare(tail.get(i), m.fresh.get(j)) <= 0;
            m.ordered.add(takeTail ? tail.get(i++) : m.fresh.get(j++));
        }
        m.fresh.clear();
        track.truncate(from);
        String waiters = from > 0 ? track.event(from - 1).waiters() : "";
        for (int k = from; k < m.ordered.size(); k++) {
            LockEvent e = withWaiters(m.ordered.get(k), waiters);
            waiters = e.waiters();
            track.add(e);
        }
    }

    /**
     * The event with the waiters after it: the broker's own list on its events; on a process's own, the
     * list before it, less the process when it acquired or gave up.
     */
    private static LockEvent withWaiters(LockEvent e, String before) {
        if (e.pid() != e.actor()) {
            return e;
        }
        String after = before;
        if (e.op() == LockEvent.Op.ACQUIRED || e.op() == LockEvent.Op.TIMED_OUT) {
            String actor = Long.toString(e.actor());
            after = String.join(
                    " ",
                    Arrays.stream(before.trim().split("\\s+"))
                            .filter(p -> !p.isEmpty() && !p.equals(actor))
                            .toList());
        }
        if (after.equals(e.waiters())) {
            return e;
        }
        return new LockEvent(e.seq(), e.nanos(), e.pid(), e.actor(), e.objectId(), e.op(), e.holder(), after, e.line());
    }

    private LockTrack track(int objectId) {
        return byId.computeIfAbsent(objectId, id -> {
            LockTrack track = new LockTrack(id);
            tracks.add(track);
            return track;
        });
    }
}
