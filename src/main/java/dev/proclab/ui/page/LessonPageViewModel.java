package dev.proclab.ui.page;

import dev.proclab.engine.event.RunEnded;
import dev.proclab.lesson.CheckResult;
import dev.proclab.lesson.Checks;
import dev.proclab.lesson.CompileError;
import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.Prediction;
import dev.proclab.lesson.PredictionVerdict;
import dev.proclab.trace.Trace;
import dev.proclab.ui.code.ProgramViewModel;
import dev.proclab.ui.knobs.KnobsViewModel;
import dev.proclab.ui.lessons.DoneMarks;
import dev.proclab.ui.prediction.PredictionViewModel;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.run.RunRequest;
import dev.proclab.ui.run.RunViewModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * The lesson page: which lesson is shown, its files, and the parts a student works with (program, knobs,
 * prediction, run). Switching lessons stops the run and keeps the edits made to the program for the rest
 * of the session. A lesson whose run completes is marked done.
 *
 * <p>Used on the JavaFX thread; the lesson's files are read on the background executor.
 */
public final class LessonPageViewModel {
    private final ProgramViewModel program = new ProgramViewModel();
    private final KnobsViewModel knobs = new KnobsViewModel();
    private final PredictionViewModel prediction = new PredictionViewModel();
    private final RunViewModel run;
    private final DoneMarks marks;
    private final Function<Lesson, LessonContent> reader;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<Lesson> lesson = new ReadOnlyObjectWrapper<>(this, "lesson");
    private final ReadOnlyObjectWrapper<LessonContent> content = new ReadOnlyObjectWrapper<>(this, "content");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ObservableList<CheckResult> checks = FXCollections.observableArrayList();
    private final ObservableList<CheckResult> checksView = FXCollections.unmodifiableObservableList(checks);
    private final ReadOnlyObjectWrapper<PredictionVerdict> verdict = new ReadOnlyObjectWrapper<>(this, "verdict");
    private final Map<String, Map<String, String>> edits = new HashMap<>();
    private final BooleanBinding canRun;
    private Subscription subscriptions = Subscription.EMPTY;
    private long loads;

    /**
     * @param reader reads a lesson's files ({@code LessonContent::read}); called on {@code background}
     */
    public LessonPageViewModel(
            RunViewModel run,
            DoneMarks marks,
            Function<Lesson, LessonContent> reader,
            Executor background,
            Executor ui) {
        this.run = Objects.requireNonNull(run, "run");
        this.marks = Objects.requireNonNull(marks, "marks");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        canRun = Bindings.createBooleanBinding(
                () -> content.get() != null
                        && prediction.answeredProperty().get()
                        && knobs.allValidProperty().get()
                        && !run.phaseProperty().get().isBusy(),
                content,
                prediction.answeredProperty(),
                knobs.allValidProperty(),
                run.phaseProperty());
        subscriptions = run.compileErrors()
                .subscribe(this::showFirstError)
                .and(run.phaseProperty().subscribe(this::markDoneWhenCompleted))
                .and(run.phaseProperty().subscribe(this::judge))
                .and(prediction.answerProperty().subscribe(a -> judge(run.phase())));
    }

    public ProgramViewModel program() {
        return program;
    }

    public KnobsViewModel knobs() {
        return knobs;
    }

    public PredictionViewModel prediction() {
        return prediction;
    }

    public RunViewModel run() {
        return run;
    }

    public DoneMarks marks() {
        return marks;
    }

    /** The lesson shown, or null. */
    public ReadOnlyObjectProperty<Lesson> lessonProperty() {
        return lesson.getReadOnlyProperty();
    }

    /** The lesson's files, once read; null while reading. */
    public ReadOnlyObjectProperty<LessonContent> contentProperty() {
        return content.getReadOnlyProperty();
    }

    /** Why the lesson's files could not be read; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How the lesson's checks came out in the run that ended (or the replayed trace); empty before. */
    public ObservableList<CheckResult> checks() {
        return checksView;
    }

    /** What the run says about the student's answer; null before a run ends, or without an answer. */
    public ReadOnlyObjectProperty<PredictionVerdict> verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    /** True when Run may be pressed: a lesson is loaded, the prediction answered, every knob allowed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** Shows a lesson (or none): stops the run of the one before and reads the new one's files. */
    public void show(Lesson next) {
        if (next != null
                && lesson.get() != null
                && next.id().equals(lesson.get().id())
                && content.get() != null) {
            // The same lesson read again (a reload): keep the page, the run and the answers as they are.
            lesson.set(next);
            return;
        }
        keepEdits();
        run.clear();
        lesson.set(next);
        content.set(null);
        problem.set("");
        program.clear();
        knobs.load(next == null ? List.of() : next.knobs());
        prediction.load(next == null ? Optional.empty() : next.prediction());
        if (next == null) {
            loading.set(false);
            return;
        }
        long load = ++loads;
        loading.set(true);
        background.execute(() -> {
            LessonContent read;
            try {
                read = reader.apply(next);
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.toString() : e.getMessage();
                ui.execute(() -> failed(load, why));
                return;
            }
            ui.execute(() -> loaded(load, read));
        });
    }

    private void loaded(long load, LessonContent read) {
        if (load != loads) {
            return;
        }
        Map<String, String> files = new LinkedHashMap<>(read.javaFiles());
        program.load(files, read.python());
        Map<String, String> kept = edits.get(lesson.get().id());
        if (kept != null) {
            program.files().forEach(f -> {
                String text = kept.get(f.name());
                if (text != null) {
                    f.textProperty().set(text);
                }
            });
        }
        content.set(read);
        loading.set(false);
    }

    private void failed(long load, String why) {
        if (load != loads) {
            return;
        }
        problem.set(why);
        loading.set(false);
    }

    /** Compiles and runs the program as edited, with the knobs as set; does nothing when it may not run. */
    public void runProgram() {
        Lesson shown = lesson.get();
        if (!canRun.get() || shown == null) {
            return;
        }
        run.run(new RunRequest(shown.id(), shown.mainClass(), program.sources(), knobs.values()));
    }

    /** Shows a saved trace: the run of this page stops, the trace replaces its timeline and console. */
    public void replay(Trace trace, String fileName) {
        run.replay(trace, fileName);
    }

    /** Stops the run and lets go of every subscription; the page is not used again. */
    public void dispose() {
        run.clear();
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void keepEdits() {
        Lesson shown = lesson.get();
        if (shown == null || content.get() == null) {
            return;
        }
        if (program.editedProperty().get()) {
            edits.put(shown.id(), program.sources());
        } else {
            edits.remove(shown.id());
        }
    }

    private void showFirstError() {
        if (!run.compileErrors().isEmpty()) {
            CompileError first = run.compileErrors().get(0);
            program.moveCaretTo(first.file(), first.line(), first.column());
        }
    }

    /**
     * Judges the lesson's checks over a run that ended or a replayed trace of this lesson, on the
     * background executor (a pure function of the events); anything else clears the results.
     */
    private void judge(RunPhase phase) {
        checks.clear();
        verdict.set(null);
        Lesson shown = lesson.get();
        Trace trace = run.traceProperty().get();
        if (shown == null
                || trace == null
                || (phase != RunPhase.ENDED && phase != RunPhase.REPLAY)
                || !trace.info().lessonId().equals(shown.id())) {
            return;
        }
        String answer = prediction.answerProperty().get();
        Optional<Prediction> question = shown.prediction();
        background.execute(() -> {
            List<CheckResult> results;
            PredictionVerdict v = null;
            try {
                results = Checks.evaluate(shown, trace);
                if (question.isPresent()
                        && answer != null
                        && question.get().choice(answer).isPresent()) {
                    v = Checks.verdict(question.get(), answer, results);
                }
            } catch (RuntimeException e) {
                // A check that cannot be judged must not take the page down; the console still shows the run.
                return;
            }
            PredictionVerdict judged = v;
            ui.execute(() -> {
                if (run.traceProperty().get() == trace
                        && lesson.get() == shown
                        && Objects.equals(prediction.answerProperty().get(), answer)
                        && run.phase() == phase) {
                    checks.setAll(results);
                    verdict.set(judged);
                }
            });
        });
    }

    private void markDoneWhenCompleted(RunPhase phase) {
        Lesson shown = lesson.get();
        var report = run.reportProperty().get();
        if (phase == RunPhase.ENDED
                && shown != null
                && report != null
                && report.ending() != null
                && RunEnded.Outcome.COMPLETED.name().equals(report.ending().outcome())) {
            marks.set(shown.id(), true);
        }
    }
}
