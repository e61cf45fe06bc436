package dev.proclab.ui.timeline;

import dev.proclab.trace.Trace;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Subscription;

/**
 * The live timeline of a run: one lane per process ("name · pid", children indented under their parent)
 * showing when it was starting (the spawn cost), running, sleeping or blocked, what it printed and how it
 * ended, and on a pool worker's lane each task it ran, boxed and labelled with its inputs; one track per
 * lock (holder, waiters, a holder that died holding it), per semaphore (who is inside, waiters in order),
 * per queue (item count, contents at the cursor, each item's way from producer to consumer) and per shared
 * Value or Array that was written (its value over time, as sampled); a time axis, a cursor and a legend.
 *
 * <p><b>Threads.</b> Every method, and every property, must be used on the JavaFX Application Thread. The
 * trace it shows is read, never changed: the run's collector may append to it on its own thread at the same
 * time. Once a frame, while the view is showing in a window, an {@link AnimationTimer} reads the events
 * appended since the last frame ({@link Trace#events(int)}), folds them, and repaints only if something
 * changed or the view moved; there is never one {@code Platform.runLater} per event. A very large trace is
 * read over several frames (at most {@value #EVENTS_PER_FRAME} events, or about 12 ms of folding, a
 * frame), its lanes appearing as they are read.
 *
 * <p><b>Time.</b> Times in the API ({@link #cursorNanosProperty()}, {@link TimelineSelection#nanos()}) are
 * {@link System#nanoTime()} readings on the run's clock, like the events' own stamps; the screen shows them
 * from the run's start ({@code RunInfo.startNanos()}).
 *
 * <p><b>Input.</b> Mouse wheel: zoom around the pointer (around the live edge while following it); shift +
 * wheel or a sideways swipe: pan; wheel over the names: scroll the lanes; drag: pan both ways; click: place
 * the cursor there and select what is under the pointer; hover: a tooltip with exact times and details.
 * Keys, once the view has the focus: {@code +}/{@code -} zoom, {@code 0} fit the run, ←/→ pan, shift + ←/→
 * move the cursor, ↑/↓ scroll the lanes, Home go to the start, End follow the live edge, Esc clear the
 * cursor and the selection.
 *
 * <p>The view holds no resources beyond its nodes: its timer runs only while it is in a showing window.
 */
public final class TimelineView extends Region {

    /** The style class of the view; {@code timeline.css} styles its focus ring. */
    public static final String STYLE_CLASS = "timeline";

    /** At most this many events are folded in one frame, so that a huge finished trace never freezes one. */
    public static final int EVENTS_PER_FRAME = 250_000;

    /** A frame stops folding (between chunks of a few thousand events) once it has spent this long. */
    static final long FOLD_NANOS_PER_FRAME = 12_000_000L;

    /** How much time a live run's view first spans, before it is longer than that. */
    static final long DEFAULT_SPAN_NANOS = 5_000_000_000L;

    static final double ZOOM_STEP = 1.5;

    private static final String STYLESHEET = Objects.requireNonNull(
                    TimelineView.class.getResource("timeline.css"), "timeline.css")
            .toExternalForm();

    private final Canvas canvas = new Canvas();
    private final TimelineModel model = new TimelineModel();
    private final Viewport viewport = new Viewport();
    private TimelineText text;
    private final BooleanProperty followLive = new SimpleBooleanProperty(this, "followLive", true);
    private final ObjectProperty<Long> cursorNanos = new SimpleObjectProperty<>(this, "cursorNanos");
    private final ReadOnlyObjectWrapper<TimelineSelection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private final ObjectProperty<Boolean> dark = new SimpleObjectProperty<>(this, "dark");
    private final BooleanProperty presenterMode = new SimpleBooleanProperty(this, "presenterMode");
    private final ObjectProperty<List<Pin>> pins = new SimpleObjectProperty<>(this, "pins", List.of());
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            frame();
        }
    };
    private final Subscription subscriptions;
    private final TimelineInput input;
    private final DenseStrips strips = new DenseStrips();

    private TimelineLayout layout;
    private long liveEdge;
    private boolean placed;
    private boolean sawEnd;
    private boolean followRequested;
    private boolean layoutDirty = true;
    private boolean dirty = true;
    private long paintedRevision = -1;
    private boolean paintedDark;
    private boolean fitted;

    /** An empty timeline in the default locale's language; {@link #show} gives it a run. */
    public TimelineView() {
        this(Locale.getDefault());
    }

    /**
     * An empty timeline whose words (legend, labels, tooltips, selection texts) are in {@code locale}'s
     * language: English, or Simplified Chinese for a {@code zh} locale.
     */
    public TimelineView(Locale locale) {
        text = new TimelineText(Objects.requireNonNull(locale, "locale"));
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        setMinSize(200, 120);
        setPrefSize(900, 360);
        canvas.setManaged(false);
        getChildren().add(canvas);
        input = new TimelineInput(this, canvas);
        Subscription showing = sceneProperty()
                .flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty)
                .orElse(false)
                .subscribe(on -> {
                    if (on) {
                        timer.start();
                    } else {
                        timer.stop();
                    }
                });
        subscriptions = Subscription.combine(
                showing,
                followLive.subscribe(on -> followRequested = on),
                cursorNanos.subscribe(t -> dirty = true),
                selection.subscribe(s -> dirty = true),
                dark.subscribe(d -> dirty = true),
                pins.subscribe(p -> dirty = true),
                presenterMode.subscribe(on -> {
                    layoutDirty = true;
                    dirty = true;
                    input.presenterChanged(on);
                }));
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    /**
     * Starts showing {@code trace}, which may still be growing (a live run) or finished (a run read back
     * from a file); replaces whatever was shown, clearing the cursor and the selection. A finished trace is
     * fitted to the view; a live one is shown from its start and, while {@link #followLiveProperty()} is
     * true, followed as it grows, then fitted once it ends. {@code null} is the same as {@link #clear()}.
     */
    public void show(Trace trace) {
        model.reset(trace);
        fitted = false;
        placed = false;
        sawEnd = false;
        liveEdge = model.origin();
        cursorNanos.set(null);
        selection.set(null);
        pins.set(List.of());
        layoutDirty = true;
        dirty = true;
        update();
    }

    /**
     * Switches the timeline's words to {@code locale}'s language at once, keeping the trace, the view, the
     * cursor and the selection (whose texts stay as they were made until the next click).
     */
    public void setLocale(Locale locale) {
        text = new TimelineText(Objects.requireNonNull(locale, "locale"));
        layoutDirty = true;
        dirty = true;
    }

    /** Shows nothing: the timeline forgets its trace, cursor and selection. */
    public void clear() {
        show(null);
    }

    /**
     * Whether the view keeps the newest moment of a live run in sight (true at first). Panning turns it
     * off; setting it to true again jumps to the live edge.
     */
    public BooleanProperty followLiveProperty() {
        return followLive;
    }

    /**
     * The cursor's time on the run's clock ({@link System#nanoTime()} as in the events), or null for no
     * cursor. A click places it; shift + ←/→ moves it; the page may set it too (for example to replay).
     * Queues show their contents and locks their waiters at the cursor.
     */
    public ObjectProperty<Long> cursorNanosProperty() {
        return cursorNanos;
    }

    /**
     * What was last clicked: a process's state, a printed line, an end, a process label, a lock or a queue,
     * with its pid, time and line of the lesson program; null when a click hit nothing or after
     * {@link #show}/{@link #clear()}/Esc.
     */
    public ReadOnlyObjectProperty<TimelineSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    /** A place on a process's lane, at a time on the run's clock, that the page points at. */
    public record Pin(long pid, long nanos) {}

    /**
     * The places the page points at, drawn as rings on their lanes, numbered in list order (the events a
     * check cites as its evidence); empty (the default) for none. {@link #show} and {@link #clear()} empty
     * it. JavaFX thread.
     */
    public ObjectProperty<List<Pin>> pinsProperty() {
        return pins;
    }

    /**
     * Moves the view so that the times from {@code fromNanos} to {@code toNanos} (the run's clock) are in
     * sight with a margin, and stops following the live edge. JavaFX thread.
     */
    public void reveal(long fromNanos, long toNanos) {
        update();
        long from = Math.min(fromNanos, toNanos);
        long to = Math.max(fromNanos, toNanos);
        long margin = Math.max(50_000_000L, (to - from) / 6);
        followLive.set(false);
        fitted = false;
        viewport.show(from - margin, to + margin);
        dirty = true;
    }

    /**
     * Light or dark colours: {@code true}, {@code false}, or {@code null} (the default) to follow the
     * application's AtlantaFX theme (a user-agent stylesheet whose name says "dark" or "dracula").
     */
    public ObjectProperty<Boolean> darkProperty() {
        return dark;
    }

    /** Bigger text and thicker lanes, to be read from the back of a classroom. */
    public BooleanProperty presenterModeProperty() {
        return presenterMode;
    }

    public void setPresenterMode(boolean on) {
        presenterMode.set(on);
    }

    public boolean isPresenterMode() {
        return presenterMode.get();
    }

    /** Zooms in by one step around the cursor if it is in view, else the live edge while following, else the middle. */
    public void zoomIn() {
        zoomBy(ZOOM_STEP);
    }

    /** Zooms out by one step, around the same point as {@link #zoomIn()}. */
    public void zoomOut() {
        zoomBy(1 / ZOOM_STEP);
    }

    /**
     * Shows the whole run so far. A finished run stays whole when the view's size or presenter mode
     * changes, until the user zooms or pans.
     */
    public void zoomToFit() {
        update();
        fit();
    }

    /**
     * Moves the view along time by {@code fraction} of its width (positive: later) and stops following the
     * live edge.
     */
    public void scrollBy(double fraction) {
        followLive.set(false);
        fitted = false;
        viewport.scrollBy(fraction);
    }

    /**
     * The timeline as it looks now, painted afresh at the view's size: for saving as a PNG. Needs the view
     * to have a size (to be laid out); works whether or not its window is showing.
     */
    public WritableImage snapshotImage() {
        update();
        paint();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(palette().background());
        return canvas.snapshot(parameters, null);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = snapSizeX(Math.max(0, getWidth() - in.getLeft() - in.getRight()));
        double h = snapSizeY(Math.max(0, getHeight() - in.getTop() - in.getBottom()));
        canvas.relocate(snapPositionX(in.getLeft()), snapPositionY(in.getTop()));
        if (w != canvas.getWidth() || h != canvas.getHeight()) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            layoutDirty = true;
            dirty = true;
            // Paint now rather than next pulse, so a resized window never shows a stretched or blank frame.
            update();
            paint();
        }
    }

    // Package-private hooks for the input handler, tests and the benchmark.

    /** One frame: fold what is new, move the view if following, repaint if anything changed. */
    void frame() {
        update();
        boolean darkNow = isDark();
        if (dirty || viewport.revision() != paintedRevision || darkNow != paintedDark) {
            paint();
        }
    }

    /** Folds new events, lays out, and moves the view as following and first placement require. */
    void update() {
        if (model.pull(EVENTS_PER_FRAME, FOLD_NANOS_PER_FRAME)) {
            layoutDirty = true;
            dirty = true;
        }
        if (layoutDirty) {
            relayout();
        }
        long edge = model.liveEdge(System.nanoTime());
        if (edge != liveEdge) {
            // Open states grow with the live edge: repaint only if that growth shows.
            if (inView(edge) || inView(liveEdge)) {
                dirty = true;
            }
            liveEdge = edge;
        }
        viewport.setBounds(model.dataStart(), liveEdge);
        if (!placed && model.trace() != null && model.caughtUp()) {
            place();
        } else if (!placed && model.trace() != null) {
            // Still reading a big trace: show what has been read so far, whole.
            fit();
        } else if (placed && model.ended() && !sawEnd) {
            sawEnd = true;
            if (followLive.get()) {
                fit();
            }
        } else if (placed && followLive.get() && (!model.ended() || followRequested)) {
            viewport.followLive(liveEdge);
        }
        followRequested = false;
    }

    private boolean inView(long nanos) {
        double x = viewport.toX(nanos);
        return x >= -1 && x <= viewport.width() + 1;
    }

    private void place() {
        placed = true;
        sawEnd = model.ended();
        if (sawEnd) {
            fit();
        } else {
            fitted = false;
            long start = model.dataStart();
            long span = Math.max(DEFAULT_SPAN_NANOS, Math.round((liveEdge - start) * 1.25));
            viewport.show(start - Math.round(span * Viewport.FIT_MARGIN), start + span);
        }
    }

    private void relayout() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        layout = TimelineLayout.compute(model, metrics(), text, Math.max(1, w), Math.max(1, h));
        viewport.setWidth(layout.plotWidth());
        viewport.setEndRoom(metrics().smallTextWidth("killed as daemon") + 3 * metrics().pad);
        if (fitted) {
            viewport.fit();
        }
        viewport.setVertical(layout.contentHeight + metrics().laneGap, layout.plotHeight());
        layoutDirty = false;
        dirty = true;
    }

    void paint() {
        if (layoutDirty || layout == null) {
            relayout();
        }
        if (canvas.getWidth() < 1 || canvas.getHeight() < 1) {
            return;
        }
        Frame frame = snapshotFrame();
        TimelinePainter.paint(canvas.getGraphicsContext2D(), frame);
        PinPainter.paint(canvas.getGraphicsContext2D(), frame, pins.get());
        paintedRevision = viewport.revision();
        paintedDark = isDark();
        dirty = false;
    }

    /** What the painter and the hit tester see now. */
    Frame snapshotFrame() {
        if (layout == null) {
            relayout();
        }
        return new Frame(
                model,
                layout,
                viewport,
                palette(),
                metrics(),
                text,
                cursorNanos.get(),
                selection.get(),
                liveEdge,
                strips);
    }

    private void fit() {
        viewport.fit();
        fitted = true;
    }

    /** The user moved the view by hand: it no longer keeps the whole run in sight by itself. */
    void userMoved() {
        fitted = false;
    }

    private void zoomBy(double factor) {
        update();
        fitted = false;
        Long cursor = cursorNanos.get();
        double x;
        if (cursor != null && viewport.toX(cursor) >= 0 && viewport.toX(cursor) <= viewport.width()) {
            x = viewport.toX(cursor);
        } else if (followLive.get() && !model.ended()) {
            x = viewport.toX(liveEdge);
        } else {
            x = viewport.width() / 2;
        }
        viewport.zoomAround(x, factor);
    }

    /** A click at ({@code x}, {@code y}) on the canvas, as the mouse would make it. */
    void clickAt(double x, double y) {
        input.click(x, y);
    }

    void select(TimelineSelection picked) {
        selection.set(picked);
    }

    boolean following() {
        return followLive.get() && !model.ended();
    }

    long liveEdge() {
        return liveEdge;
    }

    Viewport viewport() {
        return viewport;
    }

    TimelineModel model() {
        return model;
    }

    /** The layout of the last frame: where each lane and track is. */
    TimelineLayout timelineLayout() {
        if (layout == null || layoutDirty) {
            relayout();
        }
        return layout;
    }

    Metrics metrics() {
        return Metrics.of(presenterMode.get());
    }

    Palette palette() {
        return Palette.of(isDark());
    }

    private boolean isDark() {
        Boolean chosen = dark.get();
        if (chosen != null) {
            return chosen;
        }
        String theme = Application.getUserAgentStylesheet();
        if (theme == null) {
            return false;
        }
        String name = theme.toLowerCase(Locale.ROOT);
        return name.contains("dark") || name.contains("dracula");
    }

    /**
     * Releases the view's subscriptions and stops its timer for good; the view shows nothing afterwards.
     * Optional: a view that is merely removed from its window already stops its timer.
     */
    public void dispose() {
        timer.stop();
        subscriptions.unsubscribe();
        model.reset(null);
    }
}
