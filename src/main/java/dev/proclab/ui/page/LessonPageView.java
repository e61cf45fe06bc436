package dev.proclab.ui.page;

import static dev.proclab.ui.UiStyles.*;

import dev.proclab.lesson.Lesson;
import dev.proclab.trace.Trace;
import dev.proclab.ui.I18n;
import dev.proclab.ui.code.ProgramView;
import dev.proclab.ui.console.ConsoleView;
import dev.proclab.ui.console.ConsoleViewModel;
import dev.proclab.ui.knobs.KnobSheet;
import dev.proclab.ui.prediction.PredictionView;
import dev.proclab.ui.run.CompileErrorsView;
import dev.proclab.ui.run.RunPhase;
import java.util.List;
import java.util.function.ToIntFunction;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The lesson page: the header; the explanation, the program and the setup (knobs, prediction) side by
 * side; the run bar; the timeline and the console. In presenter mode only the program, the run bar, the
 * timeline and the console remain.
 */
public final class LessonPageView extends StackPane {
    private final LessonPageViewModel page;
    private final TimelinePane timeline;
    private final LessonHeader header;
    private final ExplanationView explanation;
    private final ProgramView program;
    private final KnobSheet knobs;
    private final PredictionView prediction;
    private final ChecksView checks;
    private final ConsoleView console;
    private final RunBar runBar;
    private final SplitPane top = new SplitPane();
    private final SplitPane split = new SplitPane();
    private final Node setup;
    private final Subscription subscriptions;
    private boolean presenter;

    public LessonPageView(
            LessonPageViewModel page,
            ConsoleViewModel consoleModel,
            TimelinePane timeline,
            I18n i18n,
            ToIntFunction<Lesson> numberOf) {
        this.page = page;
        this.timeline = timeline;
        getStyleClass().add(LESSON_PAGE);
        header = new LessonHeader(page, i18n, numberOf);
        explanation = new ExplanationView(page, i18n);
        program = new ProgramView(page.program(), i18n);
        knobs = new KnobSheet(page.knobs(), i18n);
        prediction = new PredictionView(
                page.prediction(),
                i18n,
                page.run().phaseProperty().map(RunPhase::isBusy),
                page.run().phaseProperty().map(p -> p == RunPhase.ENDED || p == RunPhase.REPLAY),
                page.verdictProperty());
        checks = new ChecksView(page, i18n, timeline::pointAt);
        console = new ConsoleView(consoleModel, i18n);
        runBar = new RunBar(page, i18n);

        VBox setupBox = new VBox(knobs, prediction, checks);
        setupBox.getStyleClass().add(SETUP);
        ScrollPane setupScroll = new ScrollPane(setupBox);
        setupScroll.setFitToWidth(true);
        setupScroll.getStyleClass().add("edge-to-edge");
        setup = setupScroll;
        runBar.setOnShowPrediction(() -> {
            scrollTo(setupScroll, prediction);
            Node firstChoice = prediction.lookup(".radio-button");
            if (firstChoice != null) {
                firstChoice.requestFocus();
            }
        });

        top.getItems().setAll(explanation, program, setup);
        top.setDividerPositions(0.32, 0.69);
        top.getStyleClass().add(PAGE_TOP);

        CompileErrorsView errors = new CompileErrorsView(
                page.run(), i18n, e -> page.program().moveCaretTo(e.file(), e.line(), e.column()));
        SplitPane results = new SplitPane(timeline.node(), console);
        results.setDividerPositions(0.6);
        results.getStyleClass().add(PAGE_RESULTS);
        VBox.setVgrow(results, Priority.ALWAYS);
        VBox bottom = new VBox(runBar, errors, results);
        bottom.getStyleClass().add(PAGE_BOTTOM);

        split.setOrientation(Orientation.VERTICAL);
        split.getItems().setAll(top, bottom);
        split.setDividerPositions(0.5);
        VBox.setVgrow(split, Priority.ALWAYS);

        Label none = new Label();
        none.textProperty().bind(i18n.text("lesson.none"));
        none.getStyleClass().add(DETAIL_EMPTY);
        none.visibleProperty().bind(page.lessonProperty().isNull());

        VBox content = new VBox(header, split);
        content.visibleProperty().bind(page.lessonProperty().isNotNull());
        getChildren().addAll(content, none);

        subscriptions = page.run()
                .traceProperty()
                .subscribe(this::showTrace)
                // When the run has judged the prediction, bring the verdict into view.
                .and(page.verdictProperty().subscribe(v -> {
                    if (v != null) {
                        Platform.runLater(() -> scrollTo(setupScroll, prediction.lookup("#prediction-compare")));
                    }
                }));
    }

    /** Only program, run bar, timeline and console, for a projector; or everything again. */
    public void setPresenterMode(boolean on) {
        if (on == presenter) {
            return;
        }
        presenter = on;
        header.setVisible(!on);
        header.setManaged(!on);
        top.getItems().setAll(on ? List.of(program) : List.of(explanation, program, setup));
        if (!on) {
            top.setDividerPositions(0.32, 0.69);
        }
        split.setDividerPositions(on ? 0.42 : 0.5);
        timeline.setPresenterMode(on);
    }

    public LessonPageViewModel pageModel() {
        return page;
    }

    public ProgramView program() {
        return program;
    }

    public ConsoleView console() {
        return console;
    }

    public RunBar runBar() {
        return runBar;
    }

    public TimelinePane timeline() {
        return timeline;
    }

    public void dispose() {
        subscriptions.unsubscribe();
        header.dispose();
        explanation.dispose();
        program.dispose();
        knobs.dispose();
        prediction.dispose();
        checks.dispose();
        console.dispose();
    }

    /** Scrolls so that {@code node} (inside the scroll pane's content) is in view, near the top. */
    private static void scrollTo(ScrollPane scroll, Node node) {
        if (node == null || scroll.getContent() == null) {
            return;
        }
        // The verdict has just been shown: lay it out now to know where it is.
        scroll.applyCss();
        scroll.layout();
        double content = scroll.getContent().getBoundsInLocal().getHeight();
        double view = scroll.getViewportBounds().getHeight();
        if (content <= view) {
            return;
        }
        var bounds = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double target = Math.max(0, bounds.getMinY() - view * 0.25);
        scroll.setVvalue(Math.min(1, target / (content - view)));
    }

    private void showTrace(Trace trace) {
        console.show(trace);
        if (trace == null) {
            timeline.clear();
        } else {
            timeline.show(trace);
        }
    }
}
