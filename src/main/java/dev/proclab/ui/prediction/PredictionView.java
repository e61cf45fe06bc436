package dev.proclab.ui.prediction;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.Prediction;
import dev.proclab.ui.I18n;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
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
    private static final ObservableValue<String> NOTHING = new SimpleStringProperty("");
    private static final ObservableValue<Boolean> NO = new SimpleBooleanProperty(false);

    private final PredictionViewModel model;
    private final I18n i18n;
    private final VBox choices = new VBox();
    private final ToggleGroup group = new ToggleGroup();
    private final Label question = new Label();
    private Subscription subscriptions = Subscription.EMPTY;

    /**
     * @param locked true while the answer may not change (a run is going on)
     * @param ran true once a run has ended: the student's answer is repeated, to compare with what happened
     */
    public PredictionView(
            PredictionViewModel model, I18n i18n, ObservableValue<Boolean> locked, ObservableValue<Boolean> ran) {
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
        compare.textProperty().bind(model.answerProperty().flatMap(a -> model.chosen()
                .map(c -> i18n.text(c.text()).flatMap(t -> i18n.text("prediction.compare", t)))
                .orElse(NOTHING)));
        compare.visibleProperty()
                .bind(model.answerProperty()
                        .map(a -> model.chosen().isPresent())
                        .flatMap(chosen -> chosen ? ran : NO));
        compare.managedProperty().bind(compare.visibleProperty());

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
