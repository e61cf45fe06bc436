package dev.proclab.ui.page;

import dev.proclab.lesson.CheckResult;
import dev.proclab.trace.Trace;
import dev.proclab.ui.timeline.TimelineSelection;
import dev.proclab.ui.timeline.TimelineView;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.util.Subscription;

/**
 * The lesson page's place for the {@link TimelineView}. The view takes its words from the default locale
 * when it is made, so a change of language makes a new view (showing the same trace, in the same mode)
 * in the old one's place.
 */
public final class TimelineSlot implements TimelinePane {
    private final StackPane slot = new StackPane();
    private final ReadOnlyObjectWrapper<TimelineSelection> selection = new ReadOnlyObjectWrapper<>(this, "selection");
    private TimelineView view;
    private Subscription following = Subscription.EMPTY;
    private Trace trace;
    private Locale locale;
    private boolean presenter;
    private Boolean dark;

    public TimelineSlot(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        slot.getStyleClass().add("timeline-slot");
    }

    /** The view shown now, made now if it was not yet (JavaFX thread only); for tests. */
    public TimelineView view() {
        if (view == null) {
            replaceView();
        }
        return view;
    }

    /** The slot, holding its view; the view is made on the first call, not before it is needed. */
    @Override
    public Node node() {
        view();
        return slot;
    }

    @Override
    public void show(Trace next) {
        trace = next;
        view().show(next);
    }

    @Override
    public void clear() {
        trace = null;
        view().clear();
    }

    @Override
    public void zoomIn() {
        view().zoomIn();
    }

    @Override
    public void zoomOut() {
        view().zoomOut();
    }

    @Override
    public void zoomToFit() {
        view().zoomToFit();
    }

    @Override
    public void setPresenterMode(boolean on) {
        presenter = on;
        view().setPresenterMode(on);
        if (trace != null && trace.ended().isPresent()) {
            // The view changes size with the page: show the whole finished run again once it has.
            Platform.runLater(view()::zoomToFit);
        }
    }

    @Override
    public void setDark(boolean on) {
        dark = on;
        view().darkProperty().set(on);
    }

    @Override
    public void setLocale(Locale next) {
        if (!next.equals(locale)) {
            locale = next;
            if (view != null) {
                replaceView();
            }
        }
    }

    @Override
    public ReadOnlyObjectProperty<TimelineSelection> selectionProperty() {
        return selection.getReadOnlyProperty();
    }

    @Override
    public WritableImage snapshotImage() {
        return view().snapshotImage();
    }

    @Override
    public void pointAt(List<CheckResult.EventRef> events) {
        view().pinsProperty()
                .set(events.stream()
                        .map(e -> new TimelineView.Pin(e.pid(), e.nanos()))
                        .toList());
        if (!events.isEmpty()) {
            long first =
                    events.stream().mapToLong(CheckResult.EventRef::nanos).min().orElseThrow();
            long last =
                    events.stream().mapToLong(CheckResult.EventRef::nanos).max().orElseThrow();
            view().reveal(first, last);
            view().cursorNanosProperty().set(first);
        }
    }

    private void replaceView() {
        following.unsubscribe();
        if (view != null) {
            view.dispose();
        }
        view = inLocale(locale);
        view.setPresenterMode(presenter);
        view.darkProperty().set(dark);
        following = view.selectionProperty().subscribe(selection::set);
        slot.getChildren().setAll(view);
        if (trace != null) {
            // A finished trace is fitted to the view's width: give the new view its size first.
            slot.applyCss();
            slot.layout();
            view.show(trace);
        }
    }

    /** A new view whose words are in {@code locale}: it reads the default locale once, as it is made. */
    private static TimelineView inLocale(Locale locale) {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            return new TimelineView();
        } finally {
            Locale.setDefault(before);
        }
    }
}
