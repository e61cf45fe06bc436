package dev.proclab.ui.lessons;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The lesson browser's state: the lessons in course order, the problems met while reading them, and the
 * selected lesson.
 *
 * <p>Properties are read and changed on the JavaFX application thread only. {@link #load()} reads the
 * lessons on the background executor, so a slow disk or a slow first parse never holds up the window,
 * and hands the result to the UI executor. A reading that throws becomes one problem in {@link
 * #problems()}; it never reaches the caller.
 */
public final class LessonListViewModel {
    private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
    private final ObservableList<LessonEntry> lessonsView = FXCollections.unmodifiableObservableList(lessons);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<String> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObjectProperty<LessonEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");

    private final Supplier<LessonShelf> source;
    private final Executor background;
    private final Executor uiThread;

    /**
     * @param source reads the lessons; called on {@code background}
     * @param background where {@code source} runs
     * @param uiThread where results are published: {@code Platform::runLater} in the app
     */
    public LessonListViewModel(Supplier<LessonShelf> source, Executor background, Executor uiThread) {
        this.source = Objects.requireNonNull(source, "source");
        this.background = Objects.requireNonNull(background, "background");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** The lessons in course order (read-only). */
    public ObservableList<LessonEntry> lessons() {
        return lessonsView;
    }

    /** The problems of the last reading, one sentence each (read-only). */
    public ObservableList<String> problems() {
        return problemsView;
    }

    /** The lesson the user looks at, or {@code null}. */
    public ObjectProperty<LessonEntry> selectedProperty() {
        return selected;
    }

    /** True from {@link #load()} until its result is shown. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Selects the lesson after the selected one; does nothing at the last lesson. */
    public void selectNext() {
        step(1);
    }

    /** Selects the lesson before the selected one; does nothing at the first lesson. */
    public void selectPrevious() {
        step(-1);
    }

    private void step(int delta) {
        if (lessons.isEmpty()) {
            return;
        }
        int at = lessons.indexOf(selected.get());
        int next = at < 0 ? 0 : Math.max(0, Math.min(lessons.size() - 1, at + delta));
        selected.set(lessons.get(next));
    }

    /** Reads the lessons again; keeps the selected lesson selected when it is still there. */
    public void load() {
        loading.set(true);
        background.execute(() -> {
            LessonShelf shelf = read();
            uiThread.execute(() -> show(shelf));
        });
    }

    private LessonShelf read() {
        try {
            return source.get();
        } catch (RuntimeException | LinkageError e) {
            return LessonShelf.failed(e);
        }
    }

    private void show(LessonShelf shelf) {
        String keep = selected.get() == null ? null : selected.get().id();
        lessons.setAll(shelf.lessons());
        problems.setAll(shelf.problems());
        selected.set(lessons.stream()
                .filter(l -> l.id().equals(keep))
                .findFirst()
                .orElse(lessons.isEmpty() ? null : lessons.get(0)));
        loading.set(false);
    }
}
