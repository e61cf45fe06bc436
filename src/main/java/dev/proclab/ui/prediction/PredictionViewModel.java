package dev.proclab.ui.prediction;

import dev.proclab.lesson.Prediction;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The question a student answers before running a lesson. The answer is a choice's id, {@link #SKIPPED}
 * when the student chose not to predict, or null while unanswered; a lesson without a question counts
 * as answered. Used on the JavaFX thread.
 */
public final class PredictionViewModel {
    /** The answer of a student who skipped the question. */
    public static final String SKIPPED = "skip";

    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>(this, "prediction");
    private final ObjectProperty<String> answer = new SimpleObjectProperty<>(this, "answer");
    private final BooleanBinding answered =
            Bindings.createBooleanBinding(() -> prediction.get() == null || answer.get() != null, prediction, answer);

    /** Shows a lesson's question, unanswered. */
    public void load(Optional<Prediction> question) {
        answer.set(null);
        prediction.set(question.orElse(null));
    }

    /** The question, or null when the lesson asks none. */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction.getReadOnlyProperty();
    }

    /** A choice's id, {@link #SKIPPED}, or null while unanswered. */
    public ObjectProperty<String> answerProperty() {
        return answer;
    }

    /** True once the student answered or skipped, or when there is no question. */
    public BooleanBinding answeredProperty() {
        return answered;
    }

    public void skip() {
        answer.set(SKIPPED);
    }

    /** The chosen answer, when the student chose one (not skipped). */
    public Optional<Prediction.Choice> chosen() {
        Prediction p = prediction.get();
        String id = answer.get();
        return p == null || id == null ? Optional.empty() : p.choice(id);
    }
}
