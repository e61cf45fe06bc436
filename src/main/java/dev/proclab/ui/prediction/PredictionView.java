package dev.proclab.ui.prediction;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.Prediction;
import dev.proclab.lesson.PredictionVerdict;
import dev.proclab.ui.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * "Predict first": the lesson's question with one radio button per answer and a "skip" link. Run stays
 * disabled until one is chosen; the choices are locked while a run goes on.
 */
public final class PredictionView extends VBox {
    private final PredictionViewModel model;
    private final I18n i18n;
    private final VBox choices = new VBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Label question = new Label();
    private Subscription subscriptions = Subscription.EMPTY;

    /**
     * @param locked true while the answer may not change (a run is going on)
     * @param ran true once a run has ended: the student's answer is repeated, to compare with what happened
     * @param verdict what the run's checks say about the answer, when they decide it
     */
    public PredictionView(
            PredictionViewModel model,
            I18n i18n,
            ObservableValue<Boolean> locked,
            ObservableValue<Boolean> ran,
            ObservableValue<PredictionVerdict> verdict) {
        this.model = model;
        this.i18n = i18n;
        getStyleClass().add(PREDICTION);
        Label heading = new Label();
        heading.textProperty().bind(i18n.text("prediction.heading"));
        heading.getStyleClass().add(SECTION_HEADING);
        question.getStyleClass().add(PREDICTION_QUESTION);
        question.setWrapText(true);
        choices.getStyleClass().add(PREDICTION_CHOICES);
        choices.disableProperty().bind(locked);

        Hyperlink skip = new Hyperlink();
        skip.setId("prediction-skip");
        skip.textProperty().bind(i18n.text("prediction.skip"));
        skip.setOnAction(e -> model.skip());
        skip.visibleProperty().bind(model.answeredProperty().not());
        skip.managedProperty().bind(skip.visibleProperty());
        skip.disableProperty().bind(locked);

        Label skipped = new Label();
        skipped.textProperty().bind(i18n.text("prediction.skipped"));
        skipped.getStyleClass().add(MUTED);
        skipped.visibleProperty().bind(model.answerProperty().isEqualTo(PredictionViewModel.SKIPPED));
        skipped.managedProperty().bind(skipped.visibleProperty());

        Label compare = new Label();
        compare.setId("prediction-compare");
        compare.getStyleClass().add(PREDICTION_COMPARE);
        compare.setWrapText(true);
        compare.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> comparison(ran.getValue(), verdict.getValue()),
                        model.answerProperty(),
                        verdict,
                        ran,
                        i18n.localeProperty()));
        compare.visibleProperty().bind(compare.textProperty().isNotEmpty());
        compare.managedProperty().bind(compare.visibleProperty());
        keep(verdict.subscribe(v -> {
            compare.pseudoClassStateChanged(CONFIRMED, v != null && v.outcome() == PredictionVerdict.Outcome.CONFIRMED);
            compare.pseudoClassStateChanged(REFUTED, v != null && v.outcome() == PredictionVerdict.Outcome.REFUTED);
        }));

        getChildren().addAll(heading, question, choices, skip, skipped, compare);
        visibleProperty().bind(model.predictionProperty().isNotNull());
        managedProperty().bind(visibleProperty());

        keep(model.predictionProperty().subscribe(this::showChoices));
        keep(i18n.localeProperty()
                .subscribe(l -> showChoices(model.predictionProperty().get())));
        keep(group.selectedToggleProperty().subscribe(this::chosen));
        keep(model.answerProperty().subscribe(this::showAnswer));
    }

    public void dispose() {
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void keep(Subscription s) {
        subscriptions = subscriptions.and(s);
    }

    private void showChoices(Prediction prediction) {
        group.getToggles().clear();
        choices.getChildren().clear();
        if (prediction == null) {
            question.setText("");
            return;
        }
        question.setText(prediction.question().in(i18n.language()));
        for (Prediction.Choice choice : prediction.choices()) {
            RadioButton button = new RadioButton(choice.text().in(i18n.language()));
            button.setUserData(choice.id());
            button.setId("prediction-" + choice.id());
            button.setWrapText(true);
            button.setToggleGroup(group);
            choices.getChildren().add(button);
        }
        showAnswer(model.answerProperty().get());
    }

    /** The sentence after a run: confirmed, refuted (with the answer the run did confirm), or "compare". */
    private String comparison(Boolean ran, PredictionVerdict verdict) {
        var chosen = model.chosen();
        if (chosen.isEmpty() || !Boolean.TRUE.equals(ran)) {
            return "";
        }
        String mine = chosen.get().text().in(i18n.language());
        if (verdict == null) {
            return i18n.get("prediction.compare", mine);
        }
        return switch (verdict.outcome()) {
            case CONFIRMED -> i18n.get("prediction.confirmed", mine);
            case UNDECIDED -> i18n.get("prediction.undecided", mine);
            case REFUTED -> {
                var other = verdict.confirmedChoices().stream()
                        .map(id -> model.predictionProperty().get().choice(id))
                        .flatMap(java.util.Optional::stream)
                        .map(c -> c.text().in(i18n.language()))
                        .findFirst();
                yield other.isPresent()
                        ? i18n.get("prediction.refutedBut", mine, other.get())
                        : i18n.get("prediction.refuted", mine);
            }
        };
    }

    private void chosen(Toggle toggle) {
        if (toggle != null) {
            model.answerProperty().set((String) toggle.getUserData());
        }
    }

    private void showAnswer(String answer) {
        Toggle match = group.getToggles().stream()
                .filter(t -> t.getUserData().equals(answer))
                .findFirst()
                .orElse(null);
        if (group.getSelectedToggle() != match) {
            group.selectToggle(match);
        }
    }
}
