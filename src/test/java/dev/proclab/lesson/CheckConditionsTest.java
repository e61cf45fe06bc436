package dev.proclab.lesson;

import static dev.proclab.lesson.CheckFixtures.judge;
import static dev.proclab.lesson.CheckFixtures.lesson;
import static dev.proclab.lesson.RunScript.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code when:} adapts a lesson's checks to its knobs; {@code race:} keeps a race from failing a run. */
class CheckConditionsTest {
    static final long MAIN = 10;

    @TempDir
    Path root;

    private static RunScript run() {
        return new RunScript()
                .main(MAIN, 100)
                .print(200, MAIN, "sold: 3")
                .ends(300, SUPERVISOR, MAIN, 0)
                .runEnded(310);
    }

    private List<String> applying(Lesson lesson, Map<String, String> knobs) {
        return judge(lesson, run(), 1, knobs).stream().map(CheckResult::id).toList();
    }

    @Test
    void aMappingOfKnobValuesAppliesACheckOnlyToThoseValues() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: after-only
                  description: After.
                  when: {join: after}
                  printed: {matches: sold}
                - id: after-or-never-with-daemon
                  description: After or never, as a daemon.
                  when: {join: [after, never], daemon: true}
                  printed: {matches: sold}
                - id: always
                  description: Always.
                  printed: {matches: sold}
                """);

        // when / then
        assertThat(applying(lesson, Map.of())).containsExactly("after-only", "after-or-never-with-daemon", "always");
        assertThat(applying(lesson, Map.of("join", "never"))).containsExactly("after-or-never-with-daemon", "always");
        assertThat(applying(lesson, Map.of("join", "never", "daemon", "FALSE"))).containsExactly("always");
        assertThat(applying(lesson, Map.of("join", "inside"))).containsExactly("always");
    }

    @Test
    void aConditionComparesKnobsWithEachOtherAndWithValues() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: daemon-outlives-parent
                  description: A daemon that sleeps longer than its parent.
                  when: "${daemon} and ${child-sleep} > ${parent-sleep}"
                  printed: {matches: sold}
                - id: not-after-or-many
                  description: Not after, or many children.
                  when: "not (${join} == 'after') or ${children} * 2 >= 10"
                  printed: {matches: sold}
                """);

        // when / then
        assertThat(applying(lesson, Map.of())).containsExactly("daemon-outlives-parent");
        assertThat(applying(lesson, Map.of("child-sleep", "0.5"))).isEmpty();
        assertThat(applying(lesson, Map.of("daemon", "false", "join", "inside")))
                .containsExactly("not-after-or-many");
        assertThat(applying(lesson, Map.of("children", "5")))
                .containsExactly("daemon-outlives-parent", "not-after-or-many");
    }

    @Test
    void aRaceThatThisRunDidNotShowIsReportedButDoesNotFailTheRun() {
        // given
        Lesson lesson = lesson(
                root,
                """
                - id: oversold
                  description: Without the lock, more tickets than there were are sold.
                  race: true
                  compare: {process: main, matches: 'sold: (\\d+)', expect: "> ${workers} + 1"}
                """);

        // when
        CheckResult race = judge(lesson, run(), 1, Map.of()).get(0);
        CheckResult shown = judge(lesson, run(), 1, Map.of("workers", "1")).get(0);

        // then
        assertThat(race.passed()).isFalse();
        assertThat(race.race()).isTrue();
        assertThat(race.failsRun()).isFalse();
        assertThat(race.evidence().en())
                .isEqualTo("MainProcess (pid 10) printed 'sold: 3' at 0.20 s: 3 is not > 3 (${workers} + 1).");
        assertThat(shown.passed()).isTrue();
    }

    @Test
    void expressionsDoArithmeticWithPrecedenceMinAndMax() throws Exception {
        // given
        Map<String, Knob> knobs = Map.of(
                "n",
                new Knob(
                        "n",
                        KnobType.INT,
                        "3",
                        java.util.OptionalDouble.empty(),
                        java.util.OptionalDouble.empty(),
                        List.of(),
                        LocalizedText.of("n"),
                        LocalizedText.EMPTY));
        Map<String, String> values = Map.of("n", "4");

        // when / then
        assertThat(KnobExprParser.parseNumber("${n} * (${n} + 1) / 2", knobs).number(values))
                .isEqualTo(10);
        assertThat(KnobExprParser.parseNumber("1 + 2 * 3 - -1", knobs).number(values))
                .isEqualTo(8);
        assertThat(KnobExprParser.parseNumber("min(${n}, 10, 2.5) + max(1, ${n})", knobs)
                        .number(values))
                .isEqualTo(6.5);
        assertThat(KnobExprParser.parseCondition("${n} ≥ 4 and ${n} ≠ 5", knobs).test(values))
                .isTrue();
    }
}
