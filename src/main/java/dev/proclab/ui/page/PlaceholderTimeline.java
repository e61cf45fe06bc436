package dev.proclab.ui.page;

import dev.proclab.trace.LaneState;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.ProcessLanes;
import dev.proclab.trace.StateSegment;
import dev.proclab.trace.Trace;
import dev.proclab.trace.TraceFold;
import dev.proclab.ui.UiStyles;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * A plain drawing of the run's lanes, standing where the timeline component goes until it is there: one
 * row per process, its states as bars (running a full bar, sleeping a thin one, blocked a hatched one,
 * starting an outline) and, where there is room, the state's reason written on it; seconds underneath.
 * It folds the trace once per frame while the run grows.
 */
final class PlaceholderTimeline extends Region implements TimelinePane {
    private static final Color[] LIGHT = {
        Color.web("#0063a0"), Color.web("#c24f00"), Color.web("#007a5a"), Color.web("#b0498a"),
        Color.web("#8a6100"), Color.web("#6a3d9a"), Color.web("#3c6e8f"), Color.web("#5c5c5c")
    };
    private static final Color[] DARK = {
        Color.web("#62b6f0"), Color.web("#ff9a52"), Color.web("#3fd6a0"), Color.web("#f08cd0"),
        Color.web("#f0c94a"), Color.web("#c3a6ff"), Color.web("#8fd0f5"), Color.web("#c8c8c8")
    };

    private final Canvas canvas = new Canvas();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };
    private Trace trace;
    private TraceFold fold;
    private ProcessLanes lanes;
    private double zoom = 1;
    private boolean presenter;

    PlaceholderTimeline() {
        getStyleClass().add(UiStyles.TIMELINE_PLACEHOLDER);
        getChildren().add(canvas);
        // The colours follow the theme: draw again when the window's root changes its classes.
        sceneProperty().flatMap(scene -> scene.rootProperty()).subscribe(root -> {
            if (root != null) {
                root.getStyleClass().addListener((javafx.collections.ListChangeListener<String>) c -> draw());
            }
        });
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void show(Trace next) {
        trace = next;
        fold = new TraceFold();
        lanes = null;
        zoom = 1;
        timer.start();
    }

    @Override
    public void clear() {
        timer.stop();
        trace = null;
        lanes = null;
        draw();
    }

    @Override
    public void zoomIn() {
        zoom = Math.min(64, zoom * 1.5);
        draw();
    }

    @Override
    public void zoomOut() {
        zoom = Math.max(1, zoom / 1.5);
        draw();
    }

    @Override
    public void zoomToFit() {
        zoom = 1;
        draw();
    }

    @Override
    public void setPresenterMode(boolean on) {
        presenter = on;
        draw();
    }

    @Override
    public WritableImage snapshotImage() {
        return canvas.snapshot(null, null);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void frame() {
        if (trace == null) {
            timer.stop();
            return;
        }
        int before = fold.eventCount();
        fold.catchUp(trace);
        if (fold.eventCount() != before || lanes == null || trace.ended().isEmpty()) {
            lanes = fold.lanes();
            draw();
        }
        if (trace.ended().isPresent() && fold.eventCount() == trace.size()) {
            timer.stop();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        boolean dark =
                getScene() != null && getScene().getRoot().getStyleClass().contains(UiStyles.DARK);
        Color background = dark ? Color.web("#0d1117") : Color.WHITE;
        Color ink = dark ? Color.web("#e6edf3") : Color.web("#1f2328");
        g.setFill(background);
        g.fillRect(0, 0, w, h);
        if (lanes == null || lanes.lanes().isEmpty() || lanes.firstNanos().isEmpty()) {
            return;
        }
        double size = presenter ? 18 : 13;
        double name = presenter ? 190 : 140;
        double row = Math.max(
                presenter ? 40 : 26,
                Math.min(presenter ? 72 : 52, (h - 44) / lanes.lanes().size()));
        long start = trace.info().startNanos();
        long end = lanes.runEnded().isPresent()
                ? lanes.lastNanos().getAsLong()
                : Math.max(lanes.lastNanos().getAsLong(), System.nanoTime());
        double span = Math.max(1e6, end - start) / zoom;
        double x0 = name + 10;
        double plot = Math.max(10, w - x0 - 14);
        double perNano = plot / span;
        // Follow the newest events when zoomed in on a live run; show from the start otherwise.
        long from = zoom > 1 ? Math.max(start, (long) (end - span)) : start;

        g.setTextBaseline(VPos.CENTER);
        List<ProcessLane> all = lanes.lanes();
        for (int i = 0; i < all.size(); i++) {
            ProcessLane lane = all.get(i);
            double y = 8 + i * row;
            Color colour = (dark ? DARK : LIGHT)[i % LIGHT.length];
            g.setFont(Font.font(null, FontWeight.BOLD, size));
            g.setFill(colour);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(lane.name(), 8, y + row / 2, name);
            for (StateSegment s : lane.segments()) {
                double a = x0 + (s.startNanos() - from) * perNano;
                double b = x0 + (s.endOr(end) - from) * perNano;
                if (b < x0 || a > w) {
                    continue;
                }
                a = Math.max(a, x0);
                b = Math.min(Math.max(b, a + 1), w - 4);
                segment(g, s, a, b, y + 4, row - 10, colour, background, size);
            }
        }
        axis(g, x0, plot, 8 + all.size() * row + 4, from - start, span, ink, size);
    }

    private static void segment(
            GraphicsContext g, StateSegment s, double a, double b, double y, double h, Color c, Color bg, double size) {
        LaneState state = s.state();
        switch (state) {
            case RUNNING -> {
                g.setFill(c);
                g.fillRect(a, y, b - a, h);
            }
            case SLEEPING -> {
                g.setFill(c.deriveColor(0, 1, 1, 0.35));
                g.fillRect(a, y + h * 0.3, b - a, h * 0.4);
            }
            case BLOCKED -> {
                g.setStroke(c);
                g.setLineWidth(1.5);
                g.strokeRect(a, y, b - a, h);
                for (double x = a - h; x < b; x += 7) {
                    g.strokeLine(
                            Math.max(a, x), y + h - Math.max(0, a - x), Math.min(b, x + h), y + Math.max(0, x + h - b));
                }
            }
            case STARTING -> {
                g.setStroke(c);
                g.setLineWidth(1);
                g.setLineDashes(3, 3);
                g.strokeRect(a, y, b - a, h);
                g.setLineDashes();
            }
        }
        String words = state == LaneState.RUNNING
                ? ""
                : s.reason().isEmpty() ? state.name().toLowerCase(Locale.ROOT) : s.reason();
        if (!words.isEmpty() && b - a > words.length() * size * 0.55) {
            g.setFont(Font.font(size * 0.85));
            if (state == LaneState.BLOCKED) {
                // Words on the hatching would be hard to read: give them a plain patch.
                g.setFill(bg);
                g.fillRect(
                        a + 2,
                        y + h / 2 - size * 0.6,
                        Math.min(b - a - 4, words.length() * size * 0.5 + 4),
                        size * 1.2);
            }
            g.setFill(state == LaneState.SLEEPING ? (bg.getBrightness() < 0.5 ? c.brighter() : c.darker()) : c);
            g.setTextAlign(TextAlignment.LEFT);
            g.fillText(words, a + 4, y + h / 2, b - a - 6);
        }
    }

    private static void axis(
            GraphicsContext g, double x0, double plot, double y, long offset, double span, Color ink, double size) {
        double seconds = span / 1e9;
        double step = Math.pow(10, Math.floor(Math.log10(Math.max(1e-3, seconds / 6))));
        if (seconds / step > 12) {
            step *= 5;
        } else if (seconds / step > 6) {
            step *= 2;
        }
        g.setStroke(ink.deriveColor(0, 1, 1, 0.4));
        g.setLineWidth(1);
        g.strokeLine(x0, y, x0 + plot, y);
        g.setFill(ink);
        g.setFont(Font.font(size * 0.85));
        g.setTextAlign(TextAlignment.CENTER);
        double first = Math.ceil(offset / 1e9 / step) * step;
        for (double t = first; t <= offset / 1e9 + seconds + 1e-9; t += step) {
            double x = x0 + (t - offset / 1e9) / seconds * plot;
            g.strokeLine(x, y, x, y + 5);
            g.fillText(String.format(Locale.ROOT, step < 1 ? "%.1f s" : "%.0f s", t), x, y + 14);
        }
    }
}
