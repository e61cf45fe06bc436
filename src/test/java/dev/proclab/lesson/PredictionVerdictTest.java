package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proclab.lesson.PredictionVerdict.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a run confirmed the answer a student chose. */
class PredictionVerdictTest {

    @TempDir
    Path root;

    private Prediction prediction() {
        Lesson lesson = TestLessons.load(
                root,
                "predicted",
                CheckFixtures.yaml(
                                """
                - id: takes-max
                  description: Max.
                  when: {join: after}
                  wall-time: {expect: "~ ${children}"}
                - id: takes-sum
                  description: Sum.
                  when: {join: inside}
                  wall-time: {expect: "~ 6"}
                """)
                        + """
                prediction:
                  question: How long?
                  choices:
                    - id: max
                      text: The longest child
                      confirmedBy: {check: takes-max}
                      refutedBy: {check: takes-sum, passed: true}
                    - id: sum
                      text: The sum
                      confirmedBy: {check: takes-sum, passed: true}
                      refutedBy: [{check: takes-max, passed: true}]
                    - id: instant
                      text: No time
                      refutedBy: [{check: takes-max}, {check: takes-sum}]
                    - id: unsure
                      text: No idea
                """);
        return lesson.prediction().orElseThrow();
    }

    private static CheckResult result(String id, boolean passed) {
        return new CheckResult(
                id, LocalizedText.of(id), passed, LocalizedText.of("evidence of " + id), false, List.of());
    }

    @Test
    void theChoiceWhoseCheckPassedIsConfirmedAndTheOthersRefuted() {
        // given
        Prediction prediction = prediction();
        List<CheckResult> after = List.of(result("takes-max", true));

        // when
        PredictionVerdict max = Checks.verdict(prediction, "max", after);
        PredictionVerdict sum = Checks.verdict(prediction, "sum", after);
        PredictionVerdict instant = Checks.verdict(prediction, "instant", after);

        // then
        assertThat(max.outcome()).isEqualTo(Outcome.CONFIRMED);
        assertThat(max.evidence()).extracting(CheckResult::id).containsExactly("takes-max");
        assertThat(sum.outcome()).isEqualTo(Outcome.REFUTED);
        assertThat(instant.outcome()).isEqualTo(Outcome.REFUTED);
        assertThat(sum.confirmedChoices()).containsExactly("max");
    }

    @Test
    void aChoiceIsRefutedWhenTheCheckItReliesOnFailed() {
        // given: a slow machine made the concurrent run take too long
        List<CheckResult> slow = List.of(result("takes-max", false));

        // when
        PredictionVerdict max = Checks.verdict(prediction(), "max", slow);
        PredictionVerdict sum = Checks.verdict(prediction(), "sum", slow);

        // then: the failure refutes "max" but confirms nothing else
        assertThat(max.outcome()).isEqualTo(Outcome.REFUTED);
        assertThat(sum.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(sum.evidence()).isEmpty();
        assertThat(sum.confirmedChoices()).isEmpty();
    }

    @Test
    void aChoiceIsUndecidedWhenNoCheckItNamesAppliedToTheRun() {
        // given: join=never, where neither timing check applies
        List<CheckResult> never = List.of(result("other", true));

        // when / then
        assertThat(Checks.verdict(prediction(), "max", never).outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(Checks.verdict(prediction(), "unsure", List.of(result("takes-max", true)))
                        .outcome())
                .isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void anUnknownChoiceIsRefusedByName() {
        assertThatThrownBy(() -> Checks.verdict(prediction(), "median", List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'median'");
    }

    @Test
    void aRaceThisRunDidNotShowLeavesTheAnswerThatReliesOnItUndecided() {
        // given: takes-sum read as a race (an oversell, say) that this run did not hit
        Prediction prediction = prediction();
        CheckResult notHit = new CheckResult(
                "takes-sum", LocalizedText.of("Sum."), false, LocalizedText.of("not this time"), true, List.of());
        CheckResult hit = new CheckResult(
                "takes-sum", LocalizedText.of("Sum."), true, LocalizedText.of("this time"), true, List.of());

        // when
        PredictionVerdict quiet = Checks.verdict(prediction, "sum", List.of(notHit));
        PredictionVerdict shown = Checks.verdict(prediction, "sum", List.of(hit));

        // then
        assertThat(quiet.outcome()).isEqualTo(Outcome.UNDECIDED);
        assertThat(shown.outcome()).isEqualTo(Outcome.CONFIRMED);
    }
}
