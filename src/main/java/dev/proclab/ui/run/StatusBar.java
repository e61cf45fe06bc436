package dev.proclab.ui.run;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.ui.I18n;
import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Subscription;

/**
 * The bottom line of the window: what the run controller is doing, or how the last run ended with every
 * process's exit; and while a run goes on, its time against the wall-clock limit.
 */
public final class StatusBar extends HBox {
    private final RunViewModel run;
    private final I18n i18n;
    private final Label status = new Label();
    private final Label clock = new Label();
    private final Tooltip details = new Tooltip();
    private final AnimationTimer ticking = new AnimationTimer() {
        @Override
        public void handle(long now) {
            tick();
        }
    };
    private Subscription subscriptions = Subscription.EMPTY;

    public StatusBar(RunViewModel run, I18n i18n) {
        this.run = run;
        this.i18n = i18n;
        getStyleClass().add(STATUS_BAR);
        status.setId("run-status");
        status.getStyleClass().add(STATUS_TEXT);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        clock.setId("run-clock");
        clock.getStyleClass().add(STATUS_CLOCK);
        clock.setMinWidth(USE_PREF_SIZE);
        status.setTooltip(details);
        getChildren().addAll(status, clock);
        subscriptions = run.phaseProperty()
                .subscribe(p -> update())
                .and(run.reportProperty().subscribe(r -> update()))
                .and(run.limitProperty().subscribe(l -> update()))
                .and(i18n.localeProperty().subscribe(l -> update()));
    }

    public void dispose() {
        ticking.stop();
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    private void update() {
        RunPhase phase = run.phase();
        status.setText(RunStatus.describe(run, i18n));
        var report = run.reportProperty().get();
        details.setText(report == null ? status.getText() : RunStatus.all(report, i18n));
        boolean trouble = phase == RunPhase.COMPILE_FAILED
                || phase == RunPhase.FAILED
                || (phase == RunPhase.ENDED || phase == RunPhase.REPLAY)
                        && RunStatus.isTrouble(run.reportProperty().get());
        status.pseudoClassStateChanged(TROUBLE, trouble);
        status.pseudoClassStateChanged(
                SUCCESS,
                phase == RunPhase.ENDED
                        && !RunStatus.isTrouble(run.reportProperty().get()));
        if (phase == RunPhase.RUNNING || phase == RunPhase.STOPPING) {
            ticking.start();
            tick();
        } else {
            ticking.stop();
            clock.setText(i18n.get("status.limit", run.limitProperty().get().toSeconds()));
        }
    }

    private void tick() {
        var trace = run.traceProperty().get();
        double seconds = trace == null ? 0 : (System.nanoTime() - trace.info().startNanos()) / 1e9;
        clock.setText(i18n.get(
                "status.clock",
                RunStatus.seconds(seconds),
                run.limitProperty().get().toSeconds()));
    }
}
