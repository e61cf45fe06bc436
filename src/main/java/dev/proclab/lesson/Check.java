package dev.proclab.lesson;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An outcome a real run of the lesson shows, declared in {@code lesson.yaml} and judged over the run's
 * trace by {@link Checks#evaluate}.
 *
 * @param id a stable id, distinct within the lesson; predictions refer to it
 * @param description what the check confirms, for the user
 * @param when the knob values for which the check applies (a condition over the knobs); empty for always
 * @param race true when the outcome is a race: the result says whether this run showed it, and a run
 *     that did not is not a failed run
 * @param rule what the check looks for in the run; empty for a check that is declared but not judged yet
 *     (its lesson gives it no kind), which has no result
 */
public record Check(
        String id, LocalizedText description, Optional<KnobExpr> when, boolean race, Optional<CheckRule> rule) {
    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(rule, "rule");
    }

    /** Whether runs are judged by this check: it has a kind. */
    public boolean isJudged() {
        return rule.isPresent();
    }

    /** Whether the check applies to a run with these knob values. */
    public boolean appliesTo(Map<String, String> knobs) {
        return when.map(w -> w.test(knobs)).orElse(true);
    }
}
