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
     * One answer to a prediction.
     *
     * @param id a stable id that outcome checks and recorded answers refer to
     * @param text what the student reads
     */
    public record Choice(String id, LocalizedText text) {
        public Choice {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(text, "text");
        }
    }
}
