package dev.proclab.lesson;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The question a student answers before running a lesson, and the answers to choose from.
 *
 * @param question the question, such as "About how long does the whole program take?"
 * @param choices the answers, in display order, at least two, with distinct ids
 */
public record Prediction(LocalizedText question, List<Choice> choices) {

    public Prediction {
        Objects.requireNonNull(question, "question");
        choices = List.copyOf(choices);
    }

    /** The choice with this id, if any. */
    public Optional<Choice> choice(String id) {
        return choices.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /**
     * One answer to a prediction, and the check outcomes that decide it ({@link Checks#verdict}).
     *
     * @param id a stable id that recorded answers refer to
     * @param text what the student reads
     * @param confirmedBy outcomes the answer relies on: a run in which such a check applies and comes out
     *     so confirms the answer; one in which it applies and comes out otherwise refutes it
     * @param refutedBy outcomes that rule the answer out: a run in which such a check comes out so refutes
     *     it; otherwise they say nothing
     */
    public record Choice(String id, LocalizedText text, List<Outcome> confirmedBy, List<Outcome> refutedBy) {
        public Choice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
            confirmedBy = List.copyOf(confirmedBy);
            refutedBy = List.copyOf(refutedBy);
        }

        /** An answer that no check decides. */
        public Choice(String id, LocalizedText text) {
            this(id, text, List.of(), List.of());
        }
    }

    /**
     * A check's outcome: check {@code check} {@code passed} (true) or failed (false).
     *
     * @param check a check id of the same lesson
     */
    public record Outcome(String check, boolean passed) {
        public Outcome {
            Objects.requireNonNull(check, "check");
        }
    }
}
