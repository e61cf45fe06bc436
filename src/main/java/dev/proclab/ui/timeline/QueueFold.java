package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.QueueEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@link IpcCreated} and {@link QueueEvent}s into one {@link QueueTrack} per queue, incrementally
 * (O(1) an event), joining each put to its get by item id. Tracks are listed in the order the queues were
 * first mentioned. Not thread-safe: the JavaFX thread feeds it once per frame and paints from it.
 */
final class QueueFold {

    private final Map<Integer, QueueTrack> byId = new HashMap<>();
    private final List<QueueTrack> tracks = new ArrayList<>();

    /** Whether an object of {@code kind} is drawn as a queue track. */
    static boolean isQueueKind(String kind) {
        return kind.endsWith("Queue");
    }

    /** Folds one event; returns whether it concerned a queue. */
    boolean feed(Event event) {
        if (event instanceof IpcCreated e && isQueueKind(e.kind())) {
            track(e.objectId()).created(e.name(), e.kind(), e.capacity(), e.line());
            return true;
        }
        if (event instanceof QueueEvent e) {
            track(e.objectId()).add(e);
            return true;
        }
        return false;
    }

    List<QueueTrack> tracks() {
        return tracks;
    }

    private QueueTrack track(int objectId) {
        return byId.computeIfAbsent(objectId, id -> {
            QueueTrack track = new QueueTrack(id);
            tracks.add(track);
            return track;
        });
    }
}
