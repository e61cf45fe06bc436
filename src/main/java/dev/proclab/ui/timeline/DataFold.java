package dev.proclab.ui.timeline;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.IpcCreated;
import dev.proclab.engine.event.SharedWrite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds {@link SharedWrite}s (with the {@link IpcCreated} that names each {@code Value} or {@code Array})
 * into one {@link DataTrack} per object that was written, incrementally (O(1) an event), in the order they
 * were first written. JavaFX thread only.
 */
final class DataFold {

    private final Map<Integer, DataTrack> byId = new HashMap<>();
    private final Map<Integer, IpcCreated> named = new HashMap<>();
    private final List<DataTrack> tracks = new ArrayList<>();

    static boolean isDataKind(String kind) {
        return kind.equals("Value") || kind.equals("Array");
    }

    boolean feed(Event event) {
        if (event instanceof IpcCreated e && isDataKind(e.kind())) {
            named.put(e.objectId(), e);
            DataTrack track = byId.get(e.objectId());
            if (track != null) {
                track.created(e.name(), e.kind(), e.line());
            }
            return true;
        }
        if (event instanceof SharedWrite e) {
            DataTrack track = byId.get(e.objectId());
            if (track == null) {
                track = new DataTrack(e.objectId());
                IpcCreated created = named.get(e.objectId());
                if (created != null) {
                    track.created(created.name(), created.kind(), created.line());
                }
                byId.put(e.objectId(), track);
                tracks.add(track);
            }
            track.add(e);
            return true;
        }
        return false;
    }

    List<DataTrack> tracks() {
        return tracks;
    }
}
