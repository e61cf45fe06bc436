package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Output;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.lesson.PredictionVerdict.Outcome;
import dev.proclab.trace.Trace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real runs of the core lessons confirm the right prediction and refute the others. */
@Timeout(180)
class LessonRunVerdictTest {

    @TempDir
    Path cache;

    private List<CheckResult> run(String id, Map<String, String> knobs, double timeScale) throws Exception {
        return Checks.evaluate(LessonCatalog.loadDefault().find(id).orElseThrow(), trace(id, knobs, timeScale, 60));
    }

    private Trace trace(String id, Map<String, String> knobs, double timeScale, int limitSeconds) throws Exception {
        Lesson lesson = LessonCatalog.loadDefault().find(id).orElseThrow();
        CompiledProgram program = new LessonCompiler(LessonCompilerTest.testClasspath(), cache).compile(lesson);
        RunSpec spec = RunSpec.of(id, program.classpath(), lesson.mainClass(), lesson.resolveKnobs(knobs))
                .withTimeScale(timeScale)
                .withWallClockLimit(Duration.ofSeconds(limitSeconds));
        Trace trace = Trace.forRun(spec);
        try (Run run = Run.start(spec, trace)) {
            run.onEnd().join();
        }
        return trace;
    }

    private static Prediction prediction(String id) {
        return LessonCatalog.loadDefault().find(id).orElseThrow().prediction().orElseThrow();
    }

    @Test
    void theIsolationRunConfirmsThatTheParentKeepsItsValue() throws Exception {
        // given
        List<CheckResult> results = run("isolation", Map.of(), 1);

        // when
        PredictionVerdict original = Checks.verdict(prediction("isolation"), "original", results);
        PredictionVerdict zero = Checks.verdict(prediction("isolation"), "zero", results);

        // then
        assertThat(results).allMatch(CheckResult::passed);
        assertThat(original.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(original.evidence()).extracting(CheckResult::id).containsExactly("parent-keeps-value");
        assertThat(zero.outcome()).isEqualTo(Outcome.REFUTED);
        assertThat(zero.confirmedChoices()).containsExactly("original");
    }

    @Test
    void theDaemonRunDecidesThePredictionEitherWayWithTheKnob() throws Exception {
        // given
        List<CheckResult> daemon = run("daemon", Map.of(), 0.5);
        List<CheckResult> normal = run("daemon", Map.of("daemon", "false"), 0.5);

        // when / then
        assertThat(Checks.verdict(prediction("daemon"), "never", daemon).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("daemon"), "sometimes", daemon).outcome())
                .isEqualTo(Outcome.REFUTED);
        assertThat(Checks.verdict(prediction("daemon"), "always", normal).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("daemon"), "never", normal).confirmedChoices())
                .containsExactly("always");
    }

    @Test
    void theStartJoinRunConfirmsMaxWithJoinAfterAndSumWithJoinInside() throws Exception {
        // given
        List<CheckResult> after = run("start-join", Map.of("children", "2"), 1.0);
        List<CheckResult> inside = run("start-join", Map.of("children", "2", "join", "inside"), 1.0);

        // when / then
        assertThat(after).as(after.toString()).allMatch(CheckResult::passed);
        assertThat(inside).as(inside.toString()).allMatch(CheckResult::passed);
        assertThat(Checks.verdict(prediction("start-join"), "max", after).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("start-join"), "instant", after).outcome())
                .isEqualTo(Outcome.REFUTED);
        assertThat(Checks.verdict(prediction("start-join"), "sum", inside).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("start-join"), "max", inside).outcome())
                .isEqualTo(Outcome.REFUTED);
    }

    @Test
    void theUnlockedTicketSaleDecidesThePredictionByWhatThisRunSold() throws Exception {
        // given
        Lesson lesson = LessonCatalog.loadDefault().find("ticket-mutex").orElseThrow();
        Trace trace = trace("ticket-mutex", Map.of("buyers", "5", "delay-min", "0.3", "delay-max", "0.5"), 1, 60);
        List<CheckResult> results = Checks.evaluate(lesson, trace);
        long sold = trace.snapshot().stream()
                .filter(e -> e instanceof Output o && o.text().endsWith(" bought a ticket"))
                .count();

        // when
        PredictionVerdict one = Checks.verdict(prediction("ticket-mutex"), "one", results);
        PredictionVerdict more = Checks.verdict(prediction("ticket-mutex"), "more", results);
        PredictionVerdict none = Checks.verdict(prediction("ticket-mutex"), "none", results);

        // then: an oversell refutes "exactly one"; a run without one leaves "often more" undecided
        assertThat(none.outcome()).isEqualTo(Outcome.REFUTED);
        if (sold > 1) {
            assertThat(more.outcome()).isEqualTo(Outcome.CONFIRMED);
            assertThat(one.outcome()).isEqualTo(Outcome.REFUTED);
            assertThat(more.evidence().get(0).evidence().en()).startsWith(sold + " lines of the children");
        } else {
            assertThat(more.outcome()).isEqualTo(Outcome.UNDECIDED);
            assertThat(one.outcome()).isEqualTo(Outcome.UNDECIDED);
        }
    }

    @Test
    void theQueueRunShowsTheFourthPutWaiting() throws Exception {
        // when
        List<CheckResult> results = run("queue", Map.of("items", "4"), 0.5);

        // then
        assertThat(results).as(results.toString()).allMatch(CheckResult::passed);
        assertThat(Checks.verdict(prediction("queue"), "blocks", results).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        for (String wrong : List.of("dropped", "grows", "oldest")) {
            assertThat(Checks.verdict(prediction("queue"), wrong, results).outcome())
                    .as(wrong)
                    .isEqualTo(Outcome.REFUTED);
        }
    }

    @Test
    void producerConsumerWithoutDaemonsConfirmsTheHang() throws Exception {
        // when
        List<CheckResult> results = Checks.evaluate(
                LessonCatalog.loadDefault().find("producer-consumer").orElseThrow(),
                trace(
                        "producer-consumer",
                        Map.of("daemon", "false", "items", "3", "make-time", "0.1", "eat-time", "0.1"),
                        1,
                        6));

        // then
        assertThat(Checks.verdict(prediction("producer-consumer"), "hangs", results)
                        .outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("producer-consumer"), "ends-when-empty", results)
                        .outcome())
                .isEqualTo(Outcome.REFUTED);
    }

    @Test
    void thePoolRunShowsAtMostNProcessIds() throws Exception {
        // when
        List<CheckResult> results = run("pool", Map.of("tasks", "9", "duration", "0.4"), 0.5);

        // then
        assertThat(results).as(results.toString()).allMatch(r -> r.passed() || r.race());
        assertThat(Checks.verdict(prediction("pool"), "at-most-n", results).outcome())
                .isEqualTo(Outcome.CONFIRMED);
        assertThat(Checks.verdict(prediction("pool"), "one-per-task", results).outcome())
                .isEqualTo(Outcome.REFUTED);
        assertThat(Checks.verdict(prediction("pool"), "one", results).outcome()).isEqualTo(Outcome.REFUTED);
    }
}
