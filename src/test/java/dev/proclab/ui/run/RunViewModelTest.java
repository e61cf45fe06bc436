package dev.proclab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.ProcessStarted;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.event.Spawned;
import dev.proclab.engine.run.EventSink;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.lesson.CompileError;
import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import dev.proclab.trace.Trace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
    private static final Executor NOW = Runnable::run;
    private static final RunRequest REQUEST =
            new RunRequest("isolation", "Main", Map.of("Main.java", "class Main {}"), Map.of("value", "7"));
    private static final CompiledProgram PROGRAM = new CompiledProgram(Path.of("program.jar"), "key", true);

    /** A run that ends when the test says so. */
    private static final class FakeRun implements RunStarter.Handle {
        final RunSpec spec;
        final EventSink sink;
        final CompletableFuture<RunEnded> end = new CompletableFuture<>();
        boolean stopped;

        FakeRun(RunSpec spec, EventSink sink) {
            this.spec = spec;
            this.sink = sink;
        }

        @Override
        public void stop() {
            stopped = true;
            finish(RunEnded.Outcome.STOPPED);
        }

        @Override
        public CompletableFuture<RunEnded> onEnd() {
            return end;
        }

        void finish(RunEnded.Outcome outcome) {
            if (end.isDone()) {
                return;
            }
            List<Event> events = new ArrayList<>(List.of(
                    new Spawned(0, 10, 1, 100, "MainProcess", false, 0),
                    new ProcessStarted(0, 20, 100, 1, "MainProcess", false, true, 15),
                    new Output(1, 30, 100, Output.Stream.OUT, "parent: n = 7", 20),
                    new Exited(1, 40, 1, 100, outcome == RunEnded.Outcome.COMPLETED ? 0 : -9)));
            RunEnded ended = new RunEnded(2, 50, 1, outcome, "");
            events.add(ended);
            sink.accept(events);
            end.complete(ended);
        }
    }

    private final List<FakeRun> runs = new ArrayList<>();
    private final RunStarter starter = (spec, sink) -> {
        FakeRun run = new FakeRun(spec, sink);
        runs.add(run);
        return run;
    };
    private final List<Runnable> background = new ArrayList<>();

    private RunViewModel model(ProgramCompiler compiler) {
        return new RunViewModel(compiler, starter, background::add, NOW);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.remove(0).run();
        }
    }

    @Test
    void aRunCompilesOnTheBackgroundThenRunsWithTheKnobsAndTimeScaleAndEndsWithItsReport() {
        RunViewModel model = model(sources -> PROGRAM);
        model.timeScaleProperty().set(0.5);

        model.run(REQUEST);
        assertThat(model.phase()).isEqualTo(RunPhase.COMPILING);
        runBackground();

        assertThat(model.phase()).isEqualTo(RunPhase.RUNNING);
        FakeRun run = runs.get(0);
        assertThat(run.spec.knobs()).containsEntry("value", "7");
        assertThat(run.spec.timeScale()).isEqualTo(0.5);
        assertThat(run.spec.classpath()).containsExactly(PROGRAM.jar());
        assertThat(run.spec.wallClockLimit()).isEqualTo(RunViewModel.DEFAULT_LIMIT);
        assertThat(model.traceProperty().get()).isSameAs(run.sink);

        run.finish(RunEnded.Outcome.COMPLETED);

        assertThat(model.phase()).isEqualTo(RunPhase.ENDED);
        assertThat(model.reportProperty().get().ending().outcome()).isEqualTo("COMPLETED");
        assertThat(model.reportProperty().get().processes()).singleElement().satisfies(p -> assertThat(p.exitCode())
                .isZero());
    }

    @Test
    void compileErrorsAreListedAndNothingRuns() {
        var error = new CompileError("Main.java", 3, 9, "cannot find symbol");
        RunViewModel model = model(sources -> {
            throw new CompileException(List.of(error));
        });

        model.run(REQUEST);
        runBackground();

        assertThat(model.phase()).isEqualTo(RunPhase.COMPILE_FAILED);
        assertThat(model.compileErrors()).containsExactly(error);
        assertThat(runs).isEmpty();
    }

    @Test
    void aCompilerThatCannotWriteItsCacheIsAProblemNotACrash() {
        RunViewModel model = model(sources -> {
            throw new IOException("disk full");
        });

        model.run(REQUEST);
        runBackground();

        assertThat(model.phase()).isEqualTo(RunPhase.FAILED);
        assertThat(model.problemProperty().get()).isEqualTo("disk full");
    }

    @Test
    void stopEndsTheProcessTreeAndTheRunEndsAsStopped() {
        RunViewModel model = model(sources -> PROGRAM);
        model.run(REQUEST);
        runBackground();

        model.stop();

        assertThat(runs.get(0).stopped).isTrue();
        assertThat(model.phase()).isEqualTo(RunPhase.ENDED);
        assertThat(model.reportProperty().get().ending().outcome()).isEqualTo("STOPPED");
    }

    @Test
    void stopWhileCompilingMeansTheProgramNeverStarts() {
        RunViewModel model = model(sources -> PROGRAM);
        model.run(REQUEST);

        model.stop();
        runBackground();

        assertThat(model.phase()).isEqualTo(RunPhase.IDLE);
        // Started too late: stopped at once, and never shown.
        assertThat(runs).allSatisfy(r -> assertThat(r.stopped).isTrue());
        assertThat(model.traceProperty().get()).isNull();
    }

    @Test
    void runIsIgnoredWhileARunIsGoingOn() {
        RunViewModel model = model(sources -> PROGRAM);
        model.run(REQUEST);
        runBackground();

        model.run(REQUEST);
        runBackground();

        assertThat(runs).hasSize(1);
    }

    @Test
    void clearStopsTheRunAndForgetsIt() {
        RunViewModel model = model(sources -> PROGRAM);
        model.run(REQUEST);
        runBackground();

        model.clear();

        assertThat(runs.get(0).stopped).isTrue();
        assertThat(model.phase()).isEqualTo(RunPhase.IDLE);
        assertThat(model.traceProperty().get()).isNull();
        assertThat(model.reportProperty().get()).isNull();
    }

    @Test
    void aReplayedTraceIsShownWithItsReportAndStopsTheRun() {
        RunViewModel model = model(sources -> PROGRAM);
        model.run(REQUEST);
        runBackground();
        Trace saved = Trace.forRun(RunSpec.of("daemon", List.of(), "Main", Map.of()));

        model.replay(saved, "saved.json");

        assertThat(runs.get(0).stopped).isTrue();
        assertThat(model.phase()).isEqualTo(RunPhase.REPLAY);
        assertThat(model.traceProperty().get()).isSameAs(saved);
        assertThat(model.sourceProperty().get()).isEqualTo("saved.json");
    }
}
