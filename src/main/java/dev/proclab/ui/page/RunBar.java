package dev.proclab.ui.page;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.run.RunViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Run, Stop, the time scale of sleeps, and a hint that says why Run is not available yet (unanswered
 * prediction, a knob out of range).
 */
public final class RunBar extends HBox {
    private static final String[] SCALE_LABELS = {"¼×", "½×", "1×", "2×", "4×"};

    private static final ObservableValue<String> NO_HINT = new SimpleStringProperty("");

    private final Button runButton = new Button();
    private final Button stopButton = new Button();
    private final Slider scale = new Slider(-2, 2, 0);
    private Runnable showPrediction = () -> {};

    public RunBar(LessonPageViewModel page, I18n i18n) {
        RunViewModel run = page.run();
        getStyleClass().add(RUN_BAR);

        runButton.setMinWidth(Region.USE_PREF_SIZE);
        runButton.setId("run-button");
        runButton.getStyleClass().addAll("accent", RUN_BUTTON);
        runButton.setGraphic(new FontIcon("mdi2p-play"));
        ObservableValue<Boolean> ranBefore =
                run.phaseProperty().map(p -> p == RunPhase.ENDED || p == RunPhase.COMPILE_FAILED);
        runButton.textProperty().bind(ranBefore.flatMap(again -> i18n.text(again ? "run.again" : "run.run")));
        runButton.disableProperty().bind(page.canRunProperty().not());
        runButton.setOnAction(e -> page.runProgram());

        stopButton.setMinWidth(Region.USE_PREF_SIZE);
        stopButton.setId("stop-button");
        stopButton.getStyleClass().addAll("danger", STOP_BUTTON);
        stopButton.setGraphic(new FontIcon("mdi2s-stop"));
        stopButton.textProperty().bind(i18n.text("run.stop"));
        stopButton.disableProperty().bind(run.phaseProperty().map(p -> !p.isBusy()));
        stopButton.setOnAction(e -> run.stop());

        ProgressIndicator compiling = new ProgressIndicator();
        compiling.getStyleClass().add(RUN_PROGRESS);
        compiling.visibleProperty().bind(run.phaseProperty().isEqualTo(RunPhase.COMPILING));
        compiling.managedProperty().bind(compiling.visibleProperty());

        Label hint = new Label();
        hint.setId("run-hint");
        hint.getStyleClass().add(RUN_HINT);
        hint.textProperty()
                .bind(Bindings.createStringBinding(
                                () -> hint(page),
                                page.prediction().answeredProperty(),
                                page.knobs().allValidProperty(),
                                page.contentProperty(),
                                run.phaseProperty())
                        .flatMap(key -> key.isEmpty() ? NO_HINT : i18n.text(key)));
        // "Answer the prediction" can be clicked: it brings the question into view (the knobs may hide it).
        ObservableValue<Boolean> asksForPrediction = hint.textProperty()
                .map(t -> "run.hint.predict".equals(hint(page)))
                .orElse(false);
        hint.cursorProperty().bind(asksForPrediction.map(yes -> yes ? Cursor.HAND : Cursor.DEFAULT));
        hint.underlineProperty().bind(asksForPrediction);
        hint.setOnMouseClicked(e -> {
            if ("run.hint.predict".equals(hint(page))) {
                showPrediction.run();
            }
        });
        hint.setWrapText(true);
        hint.setMinWidth(0);
        HBox.setHgrow(hint, Priority.ALWAYS);
        hint.setMaxWidth(Double.MAX_VALUE);

        getChildren().addAll(runButton, stopButton, compiling, hint, timeScale(run, i18n));
    }

    /** The message key of what keeps Run disabled, or "" when nothing does. */
    private static String hint(LessonPageViewModel page) {
        if (page.run().phase().isBusy() || page.contentProperty().get() == null) {
            return "";
        } else if (!page.prediction().answeredProperty().get()) {
            return "run.hint.predict";
        } else if (!page.knobs().allValidProperty().get()) {
            return "run.hint.knobs";
        }
        return "";
    }

    /** What a click on "Answer the prediction" does: the page brings the prediction into view. */
    public void setOnShowPrediction(Runnable action) {
        showPrediction = action;
    }

    public Button runButton() {
        return runButton;
    }

    public Button stopButton() {
        return stopButton;
    }

    /** Sleeps ×¼ … ×4 on a slider of powers of two, 1× in the middle. */
    private HBox timeScale(RunViewModel run, I18n i18n) {
        scale.setId("time-scale");
        scale.getStyleClass().add(TIME_SCALE);
        scale.setMajorTickUnit(1);
        scale.setMinorTickCount(0);
        scale.setSnapToTicks(true);
        scale.setShowTickMarks(true);
        scale.setShowTickLabels(true);
        scale.setBlockIncrement(1);
        scale.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                int at = (int) Math.round(value) + 2;
                return at >= 0 && at < SCALE_LABELS.length ? SCALE_LABELS[at] : "";
            }

            @Override
            public Double fromString(String s) {
                return 0.0;
            }
        });
        scale.setValue(Math.log(run.timeScaleProperty().get()) / Math.log(2));
        scale.valueProperty().subscribe(v -> run.timeScaleProperty().set(Math.pow(2, Math.round(v.doubleValue()))));
        scale.disableProperty().bind(run.phaseProperty().map(RunPhase::isBusy));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("scale.tooltip"));
        scale.setTooltip(tip);

        Label caption = new Label();
        caption.getStyleClass().add(TIME_SCALE_CAPTION);
        caption.textProperty().bind(run.timeScaleProperty().flatMap(s -> {
            double x = s.doubleValue();
            String key = x == 1 ? "scale.real" : x > 1 ? "scale.slow" : "scale.fast";
            return i18n.text(key, SCALE_LABELS[(int) Math.round(Math.log(x) / Math.log(2)) + 2]);
        }));
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(caption, scale);
        box.getStyleClass().add(TIME_SCALE_BOX);
        return box;
    }
}
