package dev.proclab.ui.page;

import dev.proclab.lesson.CheckResult;
import dev.proclab.trace.Trace;
import dev.proclab.ui.timeline.TimelineSelection;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

/**
 * What the lesson page needs of the timeline: show a trace (live or finished), zoom, presenter mode,
 * theme and language, what the user clicked, and a picture for export. A small seam, so that the page
 * does not depend on the timeline's internals.
 */
public interface TimelinePane {
    /** The node to place in the page. */
    Node node();

    /** Shows a trace and follows it while it grows. */
    void show(Trace trace);

    /** Shows nothing. */
    void clear();

    void zoomIn();

    void zoomOut();

    void zoomToFit();

    /** Larger type and thicker lanes for a projector. */
    void setPresenterMode(boolean on);

    /** Dark or light colours, with the app's theme. */
    void setDark(boolean dark);

    /** The language of the timeline's own words. */
    void setLocale(Locale locale);

    /** What the user last clicked on the timeline, or null. */
    ReadOnlyObjectProperty<TimelineSelection> selectionProperty();

    /** The timeline as it is drawn now, for export. */
    WritableImage snapshotImage();

    /**
     * Points at these events (a check's evidence): marks each on its process's lane, brings them into
     * view and puts the cursor on the first; an empty list takes the marks away. A new trace drops them.
     */
    void pointAt(List<CheckResult.EventRef> events);
}
