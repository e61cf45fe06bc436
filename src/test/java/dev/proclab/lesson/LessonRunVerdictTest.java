package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.lesson.PredictionVerdict.Outcome;
import dev.proclab.trace.Trace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real runs of the core lessons confirm the right prediction and refute the others. */
@Timeout(90)
class LessonRunVerdictTest {

    @TempDir
    Path cache;

    private List<CheckResult> run(String id, Map<String, String> knobs, double timeScale) throws Exception {
        Lesson lesson = LessonCatalog.loadDefault().find(id).orElseThrow();
        CompiledProgram program = new LessonCompiler(LessonCompilerTest.testClasspath(), cache).compile(lesson);
        RunSpec spec = RunSpec.of(id, program.classpath(), lesson.mainClass(), lesson.resolveKnobs(knobs))
                .withTimeScale(timeScale);
        Trace trace = Trace.forRun(spec);
        try (Run run = Run.start(spec, trace)) {
            run.onEnd().join();
        }
        return Checks.evaluate(lesson, trace);
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
}
