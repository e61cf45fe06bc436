package dev.proclab.ui.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.RunEnded;
import dev.proclab.lesson.CompileError;
import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LocalizedText;
import dev.proclab.ui.lessons.DoneMarks;
import dev.proclab.ui.run.ProgramCompiler;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.run.RunStarter;
import dev.proclab.ui.run.RunViewModel;
import dev.proclab.ui.support.TestLessons;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonPageViewModelTest {
    private static final Executor NOW = Runnable::run;
    private static final Lesson ISOLATION = TestLessons.lesson(
            "isolation",
            LocalizedText.of("Isolation"),
            List.of(TestLessons.intKnob("value", 100, -1000, 1000)),
            Optional.of(TestLessons.prediction("original", "zero")));
    private static final Lesson DAEMON = TestLessons.lesson("daemon", "Daemons");

    @TempDir
    Path dir;

    private final List<Map<String, String>> compiled = new ArrayList<>();
    private final List<java.util.function.Consumer<RunEnded.Outcome>> ends = new ArrayList<>();
    private final List<Boolean> stops = new ArrayList<>();
    private ProgramCompiler compiler = sources -> {
        compiled.add(sources);
        return new CompiledProgram(Path.of("p.jar"), "k", true);
    };

    private LessonPageViewModel page() {
        RunStarter starter = (spec, sink) -> {
            var end = new CompletableFuture<RunEnded>();
            java.util.function.Consumer<RunEnded.Outcome> finish = outcome -> {
                if (!end.isDone()) {
                    RunEnded ended = new RunEnded(0, 1, 1, outcome, "");
                    sink.accept(List.of(ended));
                    end.complete(ended);
                }
            };
            ends.add(finish);
            int at = stops.size();
            stops.add(false);
            return new RunStarter.Handle() {
                @Override
                public void stop() {
                    stops.set(at, true);
                    finish.accept(RunEnded.Outcome.STOPPED);
                }

                @Override
                public CompletableFuture<RunEnded> onEnd() {
                    return end;
                }
            };
        };
        RunViewModel run = new RunViewModel(sources -> compiler.compile(sources), starter, NOW, NOW);
        return new LessonPageViewModel(
                run, new DoneMarks(dir.resolve("done.txt")), LessonPageViewModelTest::content, NOW, NOW);
    }

    private static LessonContent content(Lesson lesson) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("Main.java", "class Main { /* " + lesson.id() + " */ }");
        return new LessonContent(files, "print('" + lesson.id() + "')", "# " + lesson.id(), "", null);
    }

    @Test
    void runStaysUnavailableUntilThePredictionIsAnsweredOrSkipped() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);

        assertThat(page.canRunProperty().get()).isFalse();
        page.runProgram();
        assertThat(compiled).isEmpty();

        page.prediction().skip();

        assertThat(page.canRunProperty().get()).isTrue();
    }

    @Test
    void aKnobOutOfRangeKeepsRunUnavailable() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().answerProperty().set("original");

        page.knobs().field("value").valueProperty().set("5000");

        assertThat(page.canRunProperty().get()).isFalse();
    }

    @Test
    void theEditedProgramIsWhatRuns() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().answerProperty().set("zero");
        page.program().files().get(0).textProperty().set("class Main { /* edited */ }");

        page.runProgram();

        assertThat(compiled).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("Main.java", "class Main { /* edited */ }"));
        assertThat(page.run().phase()).isEqualTo(RunPhase.RUNNING);
    }

    @Test
    void switchingLessonsStopsTheRunAndKeepsTheEditsForLater() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().skip();
        page.program().files().get(0).textProperty().set("edited");
        page.runProgram();

        page.show(DAEMON);

        assertThat(stops).containsExactly(true);
        assertThat(page.run().phase()).isEqualTo(RunPhase.IDLE);
        assertThat(page.program().sources()).containsEntry("Main.java", "class Main { /* daemon */ }");
        assertThat(page.program().editedProperty().get()).isFalse();

        page.show(ISOLATION);

        assertThat(page.program().sources()).containsEntry("Main.java", "edited");
        assertThat(page.program().editedProperty().get()).isTrue();
        assertThat(page.prediction().answeredProperty().get()).isFalse();
    }

    @Test
    void aCompletedRunMarksTheLessonDone() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().skip();
        page.runProgram();

        ends.get(0).accept(RunEnded.Outcome.COMPLETED);

        assertThat(page.run().phase()).isEqualTo(RunPhase.ENDED);
        assertThat(page.marks().isDone("isolation")).isTrue();
    }

    @Test
    void aStoppedRunDoesNotMarkTheLessonDone() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().skip();
        page.runProgram();

        page.run().stop();

        assertThat(page.run().phase()).isEqualTo(RunPhase.ENDED);
        assertThat(page.marks().isDone("isolation")).isFalse();
    }

    @Test
    void theCaretGoesToTheFirstCompileError() {
        compiler = sources -> {
            throw new CompileException(List.of(
                    new CompileError("Main.java", 4, 7, "';' expected"), new CompileError("Main.java", 9, 1, "other")));
        };
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.prediction().skip();

        page.runProgram();

        assertThat(page.run().phase()).isEqualTo(RunPhase.COMPILE_FAILED);
        var caret = page.program().caretRequestProperty().get();
        assertThat(caret.file()).isEqualTo("Main.java");
        assertThat(caret.line()).isEqualTo(4);
        assertThat(caret.column()).isEqualTo(7);
    }

    @Test
    void resetBringsTheLessonsProgramBack() {
        LessonPageViewModel page = page();
        page.show(ISOLATION);
        page.program().files().get(0).textProperty().set("broken");

        page.program().resetToOriginal();

        assertThat(page.program().sources()).containsEntry("Main.java", "class Main { /* isolation */ }");
        assertThat(page.program().pythonProperty().get()).isEqualTo("print('isolation')");
    }
}
