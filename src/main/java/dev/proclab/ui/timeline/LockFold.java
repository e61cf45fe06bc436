package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.LockEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@link IpcCreated} and {@link LockEvent}s into one {@link LockTrack} per lock, incrementally: each
 * event costs O(1). Tracks are listed in the order the locks were first mentioned. Not thread-safe: the
 * JavaFX thread feeds it once per frame and paints from it.
 */
final class LockFold {

    private final Map<Integer, LockTrack> byId = new HashMap<>();
    private final List<LockTrack> tracks = new ArrayList<>();

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
            track(e.objectId()).add(e);
            return true;
        }
        return false;
    }

    List<LockTrack> tracks() {
        return tracks;
    }

    private LockTrack track(int objectId) {
        return byId.computeIfAbsent(objectId, id -> {
            LockTrack track = new LockTrack(id);
            tracks.add(track);
            return track;
        });
    }
}
