package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.SemaphoreEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@link IpcCreated} and {@link SemaphoreEvent}s into one {@link SemaphoreTrack} per semaphore,
 * incrementally (O(1) an event), in the order the semaphores were first mentioned. JavaFX thread only.
 */
final class SemaphoreFold {

    private final Map<Integer, SemaphoreTrack> byId = new HashMap<>();
    private final List<SemaphoreTrack> tracks = new ArrayList<>();

    static boolean isSemaphoreKind(String kind) {
        return kind.endsWith("Semaphore");
    }

    boolean feed(Event event) {
        if (event instanceof IpcCreated e && isSemaphoreKind(e.kind())) {
            track(e.objectId()).created(e.name(), e.kind(), e.line());
            return true;
        }
        if (event instanceof SemaphoreEvent e) {
            track(e.objectId()).add(e);
            return true;
        }
        return false;
    }

    List<SemaphoreTrack> tracks() {
        return tracks;
    }

    private SemaphoreTrack track(int objectId) {
        return byId.computeIfAbsent(objectId, id -> {
            SemaphoreTrack track = new SemaphoreTrack(id);
            tracks.add(track);
            return track;
        });
    }
}
