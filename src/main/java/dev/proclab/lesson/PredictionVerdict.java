package dev.proclab.lesson;

import java.util.List;
import java.util.Objects;

/**
 * Whether a run confirmed the answer a student chose before running it.
 *
 * @param choiceId the chosen answer
 * @param outcome what the run says about it
 * @param evidence the results of the checks that decided (empty when undecided)
 * @param confirmedChoices every answer this run confirmed, in display order: what to show a student whose
 *     answer was refuted
 */
public record PredictionVerdict(
        String choiceId, Outcome outcome, List<CheckResult> evidence, List<String> confirmedChoices) {

    public PredictionVerdict {
        Objects.requireNonNull(choiceId, "choiceId");
        Objects.requireNonNull(outcome, "outcome");
        evidence = List.copyOf(evidence);
        confirmedChoices = List.copyOf(confirmedChoices);
    }

    /** What a run says about one answer. */
    public enum Outcome {
        /** A check the answer relies on came out as the answer says, and none came out against it. */
        CONFIRMED,
        /** A check came out against the answer. */
        REFUTED,
        /** No check that the answer names applied to this run (other knob values, say). */
        UNDECIDED
    }
}
