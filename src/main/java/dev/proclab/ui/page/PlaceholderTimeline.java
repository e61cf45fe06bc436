package dev.proclab.ui.page;

import dev.proclab.trace.Trace;
import dev.proclab.ui.UiStyles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/** Stands where the timeline goes until the timeline component is there: says what it would show. */
final class PlaceholderTimeline implements TimelinePane {
    private final StackPane pane = new StackPane();
    private final Label label = new Label("Timeline");

    PlaceholderTimeline() {
        pane.getStyleClass().add(UiStyles.TIMELINE_PLACEHOLDER);
        pane.getChildren().add(label);
    }

    @Override
    public Node node() {
        return pane;
    }

    @Override
    public void show(Trace trace) {
        label.setText(
                "Timeline: " + trace.info().lessonId() + " (" + trace.info().runId() + ")");
    }

    @Override
    public void clear() {
        label.setText("Timeline");
    }

    @Override
    public void zoomIn() {}

    @Override
    public void zoomOut() {}

    @Override
    public void zoomToFit() {}

    @Override
    public void setPresenterMode(boolean on) {}

    @Override
    public WritableImage snapshotImage() {
        return pane.snapshot(null, null);
    }
}
