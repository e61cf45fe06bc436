package dev.proclab.ui.run;

import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.lesson.CompileError;
import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import dev.proclab.trace.RunReport;
import dev.proclab.trace.Trace;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run controller: compiles the edited program, runs it on real processes with a {@link Trace} as the
 * sink, stops it, and reports how it ended. No nodes: the views bind to its properties.
 *
 * <p><b>Threads.</b> Properties are read and changed on the JavaFX thread (the {@code ui} executor).
 * Compiling and starting the processes happen on the {@code background} executor; their results come
 * back to the JavaFX thread once each. The events of a run never come through here one by one: they go
 * into the trace on the run's collector thread, and the views read the trace once per frame.
 *
 * <p><b>Nothing left running.</b> Each {@link #run} starts a new generation; {@link #stop()}, {@link
 * #clear()}, {@link #replay} and {@link #shutdown} end it. A compile or start that finishes after its
 * generation ended is thrown away, and a run started that late is stopped at once, from the background
 * thread, so a run can never outlive the lesson page or the window that asked for it.
 */
public final class RunViewModel {
    public static final Duration DEFAULT_LIMIT = RunSpec.DEFAULT_LIMIT;

    private final ProgramCompiler compiler;
    private final RunStarter starter;
    private final Executor background;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase", RunPhase.IDLE);
    private final ReadOnlyObjectWrapper<Trace> trace = new ReadOnlyObjectWrapper<>(this, "trace");
    private final ReadOnlyObjectWrapper<RunReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ObservableList<CompileError> compileErrors = FXCollections.observableArrayList();
    private final ObservableList<CompileError> compileErrorsView =
            FXCollections.unmodifiableObservableList(compileErrors);
    private final DoubleProperty timeScale = new SimpleDoubleProperty(this, "timeScale", 1.0);
    private final ObjectProperty<Duration> limit = new SimpleObjectProperty<>(this, "limit", DEFAULT_LIMIT);

    private final AtomicLong generation = new AtomicLong();
    private volatile RunStarter.Handle current;

    /**
     * @param compiler compiles the edited sources; called on {@code background}
     * @param starter starts the processes; called on {@code background}
     * @param background where compiling and starting happen, one task at a time or more
     * @param ui the JavaFX thread: {@code Platform::runLater} in the app
     */
    public RunViewModel(ProgramCompiler compiler, RunStarter starter, Executor background, Executor ui) {
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
    }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public RunPhase phase() {
        return phase.get();
    }

    /** The trace of the run going on or last run, or of the replayed file; null before any. */
    public ReadOnlyObjectProperty<Trace> traceProperty() {
        return trace.getReadOnlyProperty();
    }

    /** How the last run ended (or what the replayed trace records); null until then. */
    public ReadOnlyObjectProperty<RunReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Why the last run could not start, in words; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The file a replayed trace was read from; empty for a run of this session. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The errors javac reported for the last compile, in its order (read-only). */
    public ObservableList<CompileError> compileErrors() {
        return compileErrorsView;
    }

    /** Factor applied to every sleep of the next run: 2 is slow motion, 0.5 twice as fast. */
    public DoubleProperty timeScaleProperty() {
        return timeScale;
    }

    /** Wall-clock time after which the next run is stopped and reported as timed out. */
    public ObjectProperty<Duration> limitProperty() {
        return limit;
    }

    /** Compiles and runs a program, unless something is already under way. */
    public void run(RunRequest request) {
        if (phase.get().isBusy()) {
            return;
        }
        long gen = generation.incrementAndGet();
        compileErrors.clear();
        problem.set("");
        report.set(null);
        phase.set(RunPhase.COMPILING);
        double scale = timeScale.get();
        Duration wallLimit = limit.get();
        background.execute(() -> compileAndStart(gen, request, scale, wallLimit));
    }

    private void compileAndStart(long gen, RunRequest request, double scale, Duration wallLimit) {
        CompiledProgram program;
        try {
            program = compiler.compile(request.sources());
        } catch (CompileException e) {
            ui.execute(() -> compileFailed(gen, e.errors()));
            return;
        } catch (IOException | RuntimeException e) {
            ui.execute(() -> failed(gen, e));
            return;
        }
        if (generation.get() != gen) {
            return;
        }
        RunSpec spec = RunSpec.of(request.lessonId(), program.classpath(), request.mainClass(), request.knobs())
                .withTimeScale(scale)
                .withWallClockLimit(wallLimit);
        Trace runTrace = Trace.forRun(spec);
        RunStarter.Handle handle;
        try {
            handle = starter.start(spec, runTrace);
        } catch (IOException | RuntimeException e) {
            ui.execute(() -> failed(gen, e));
            return;
        }
        current = handle;
        if (generation.get() != gen) {
            // Stopped (or the lesson changed) while the processes were being started.
            handle.stop();
            return;
        }
        // Posted before the end can be: the UI executor keeps order, so "started" is always seen first.
        ui.execute(() -> started(gen, runTrace));
        handle.onEnd().whenComplete((ended, error) -> {
            RunReport made = RunReport.of(runTrace);
            ui.execute(() -> ended(gen, made));
        });
    }

    private void started(long gen, Trace runTrace) {
        if (generation.get() != gen || phase.get() != RunPhase.COMPILING) {
            return;
        }
        source.set("");
        trace.set(runTrace);
        phase.set(RunPhase.RUNNING);
    }

    private void compileFailed(long gen, List<CompileError> errors) {
        if (generation.get() != gen) {
            return;
        }
        compileErrors.setAll(errors);
        phase.set(RunPhase.COMPILE_FAILED);
    }

    private void failed(long gen, Exception e) {
        if (generation.get() != gen) {
            return;
        }
        problem.set(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        phase.set(RunPhase.FAILED);
    }

    private void ended(long gen, RunReport made) {
        if (generation.get() != gen) {
            return;
        }
        current = null;
        report.set(made);
        phase.set(RunPhase.ENDED);
    }

    /**
     * Stops what is under way: a compile is forgotten, a run's whole process tree is ended (the run then
     * ends as stopped). Does nothing when nothing is under way.
     */
    public void stop() {
        switch (phase.get()) {
            case COMPILING -> {
                end();
                phase.set(RunPhase.IDLE);
            }
            case RUNNING -> {
                phase.set(RunPhase.STOPPING);
                RunStarter.Handle handle = current;
                if (handle != null) {
                    handle.stop();
                }
            }
            default -> {}
        }
    }

    /** Stops anything under way and forgets the last run: the state of a lesson page just opened. */
    public void clear() {
        end();
        trace.set(null);
        report.set(null);
        compileErrors.clear();
        problem.set("");
        source.set("");
        phase.set(RunPhase.IDLE);
    }

    /** Stops anything under way and shows a saved trace instead; nothing runs. */
    public void replay(Trace saved, String fileName) {
        end();
        compileErrors.clear();
        problem.set("");
        source.set(fileName);
        trace.set(saved);
        report.set(RunReport.of(saved));
        phase.set(RunPhase.REPLAY);
    }

    /** Stops anything under way and waits, at most {@code wait}, until its processes are gone. */
    public void shutdown(Duration wait) {
        RunStarter.Handle handle = current;
        end();
        if (handle != null) {
            try {
                handle.onEnd().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                // The tree was killed; the children also halt on their own once this JVM is gone.
            }
        }
    }

    /** The run going on, for tests: its end. */
    public CompletableFuture<RunEnded> currentEnd() {
        RunStarter.Handle handle = current;
        return handle == null ? CompletableFuture.completedFuture(null) : handle.onEnd();
    }

    private void end() {
        generation.incrementAndGet();
        RunStarter.Handle handle = current;
        current = null;
        if (handle != null) {
            handle.stop();
        }
    }
}
