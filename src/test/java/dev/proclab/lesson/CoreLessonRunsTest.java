package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.trace.ProcessLane;
import dev.proclab.trace.Trace;
import dev.proclab.trace.TraceFold;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lesson of the catalogue really runs with its defaults and shows its checks; the lock of
 * {@code ticket-mutex} never oversells; every knob's declared extremes run or are refused with a message
 * naming the knob. The defaults run at time scale 1; the other runs use a faster one: the checks they
 * assert are about order, counts and the broker's events, which the time scale does not change.
 */
@Timeout(240)
class CoreLessonRunsTest {

    /** A run's trace with what the checks found in it. */
    record Outcome(Trace trace, List<CheckResult> results) {
        RunEnded ended() {
            return trace.snapshot().stream()
                    .filter(RunEnded.class::isInstance)
                    .map(RunEnded.class::cast)
                    .findFirst()
                    .orElseThrow();
        }

        ProcessLane main() {
            return TraceFold.fold(trace.snapshot()).lanes().stream()
                    .filter(ProcessLane::main)
                    .findFirst()
                    .orElseThrow();
        }

        CheckResult result(String id) {
            return results.stream()
                    .filter(r -> r.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no result for " + id + " in " + results));
        }
    }

    @TempDir
    static Path cache;

    private static LessonCatalog catalog() {
        return LessonCatalog.load(List.of(Path.of(System.getProperty(LessonCatalog.LESSONS_PROPERTY))));
    }

    static Outcome run(Lesson lesson, Map<String, String> knobs, double timeScale) throws Exception {
        CompiledProgram program = new LessonCompiler(LessonCompilerTest.testClasspath(), cache).compile(lesson);
        RunSpec spec = RunSpec.of(lesson.id(), program.classpath(), lesson.mainClass(), lesson.resolveKnobs(knobs))
                .withTimeScale(timeScale)
                .withWallClockLimit(Duration.ofSeconds(60));
        Trace trace = Trace.forRun(spec);
        try (Run run = Run.start(spec, trace)) {
            run.onEnd().join();
        }
        return new Outcome(trace, Checks.evaluate(lesson, trace));
    }

    static Stream<String> lessonIds() {
        return catalog().lessons().stream().map(Lesson::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonIds")
    void everyLessonRunsWithItsDefaultsAndPassesItsChecks(String id) throws Exception {
        // given
        Lesson lesson = catalog().find(id).orElseThrow();

        // when: at the lessons' own time scale, where a loaded machine's overhead weighs least on timings
        Outcome run = run(lesson, Map.of(), 1);

        // then
        assertThat(run.ended().outcome()).isEqualTo(RunEnded.Outcome.COMPLETED);
        assertThat(run.main().exit())
                .hasValueSatisfying(x -> assertThat(x.exitCode()).isZero());
        assertThat(run.results()).as("the checks that apply to the defaults").isNotEmpty();
        assertThat(run.results()).as(run.results().toString()).allSatisfy(r -> assertThat(r.passed() || r.race())
                .isTrue());
        assertThat(run.results()).allSatisfy(r -> assertThat(r.evidence().zh())
                .isNotEmpty()
                .isNotEqualTo(r.evidence().en()));
    }

    @Test
    void ticketMutexWithTheLockNeverOversellsOverTwentyRuns() throws Exception {
        // given: fewer tickets than buyers, so that an unguarded purchase could sell too many
        Lesson lesson = catalog().find("ticket-mutex").orElseThrow();
        Map<String, String> knobs =
                Map.of("tickets", "2", "buyers", "4", "lock", "true", "delay-min", "0.02", "delay-max", "0.1");

        List<String> evidence = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // when
            Outcome run = run(lesson, knobs, 0.5);

            // then
            CheckResult sold = run.result("lock-never-oversells");
            assertThat(sold.passed()).as(sold.evidence().en()).isTrue();
            long bought = run.main().lines().stream()
                    .filter(l -> l.text().startsWith("main: sold "))
                    .count();
            assertThat(bought).isEqualTo(1);
            assertThat(run.main().lines())
                    .anySatisfy(l -> assertThat(l.text()).startsWith("main: sold 2 of 2 ticket(s); the file says 0"));
            evidence.add(sold.evidence().en());
        }
        assertThat(evidence).hasSize(20).allMatch(e -> e.contains("1 <= 1") && e.contains("4 == 4 (${buyers})"));
    }

    @Test
    void ticketMutexWithoutTheLockSaysWhatThisRunSold() throws Exception {
        // given
        Lesson lesson = catalog().find("ticket-mutex").orElseThrow();

        // when
        Outcome run = run(lesson, Map.of("buyers", "4", "delay-min", "0.2", "delay-max", "0.3"), 0.5);

        // then: a race, so either result is a run that did not fail, and the evidence gives this run's count
        CheckResult oversold = run.result("no-lock-oversell-counted");
        assertThat(oversold.race()).isTrue();
        assertThat(oversold.failsRun()).isFalse();
        long sales = run.trace().snapshot().stream()
                .filter(e -> e instanceof Output o && o.text().endsWith(" bought a ticket"))
                .count();
        assertThat(oversold.passed()).isEqualTo(sales > 1);
        assertThat(oversold.evidence().en()).startsWith(sales + " line");
    }

    /** Each lesson with every numeric knob at its declared minimum, or at its maximum. */
    static Stream<Arguments> extremes() {
        List<Arguments> all = new ArrayList<>();
        for (Lesson lesson : catalog().lessons()) {
            for (boolean max : new boolean[] {false, true}) {
                Map<String, String> knobs = new LinkedHashMap<>();
                for (Knob k : lesson.knobs()) {
                    (max ? k.max() : k.min()).ifPresent(v -> knobs.put(k.name(), value(k, v)));
                }
                if (!knobs.isEmpty()) {
                    all.add(Arguments.of(lesson.id(), max ? "max" : "min", knobs));
                }
            }
        }
        return all.stream();
    }

    private static String value(Knob knob, double v) {
        return knob.type() == KnobType.INT ? Long.toString(Math.round(v)) : Double.toString(v);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("extremes")
    void everyKnobAtItsDeclaredExtremesRuns(String id, String which, Map<String, String> knobs) throws Exception {
        // given
        Lesson lesson = catalog().find(id).orElseThrow();

        // when: the longest sleeps at their maximum would take minutes at full scale
        Outcome run = run(lesson, knobs, which.equals("max") ? 0.05 : 0.5);

        // then: the program ends by itself, with 0, and every check can be judged
        assertThat(run.ended().outcome()).as(run.ended().message()).isEqualTo(RunEnded.Outcome.COMPLETED);
        assertThat(run.main().exit())
                .hasValueSatisfying(x -> assertThat(x.exitCode()).isZero());
        assertThat(run.results()).allSatisfy(r -> assertThat(r.evidence().en()).doesNotStartWith("Cannot be judged"));
    }

    @Test
    void aValueJustOutsideEveryDeclaredRangeIsRefusedNamingTheKnobAndItsRange() {
        int refused = 0;
        for (Lesson lesson : catalog().lessons()) {
            for (Knob k : lesson.knobs()) {
                double step = k.type() == KnobType.INT ? 1 : 0.001;
                if (k.min().isPresent()) {
                    String below = value(k, k.min().getAsDouble() - step);
                    assertThatThrownBy(() -> lesson.resolveKnobs(Map.of(k.name(), below)))
                            .isInstanceOf(KnobException.class)
                            .hasMessageContaining(k.name());
                    refused++;
                }
                if (k.max().isPresent()) {
                    String above = value(k, k.max().getAsDouble() + step);
                    assertThatThrownBy(() -> lesson.resolveKnobs(Map.of(k.name(), above)))
                            .isInstanceOf(KnobException.class)
                            .hasMessageContaining(k.name());
                    refused++;
                }
            }
        }
        assertThat(refused).isGreaterThan(20);
    }
}
