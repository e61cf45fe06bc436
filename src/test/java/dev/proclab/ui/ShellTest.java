package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.page.TimelineSlot;
import dev.proclab.ui.support.AppDriver;
import dev.proclab.ui.timeline.TimelineView;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presenter mode, language, help and lesson keys, from the keyboard. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ShellTest {
    private AppDriver driver;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        driver = new AppDriver();
        driver.start(stage);
    }

    @AfterEach
    void stopApp(FxRobot robot) {
        driver.stop(robot);
    }

    @Test
    void f5TogglesPresenterModeWithOnlyProgramTimelineAndConsole(FxRobot robot) throws Exception {
        driver.open(robot, "start-join");

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(driver.window().isPresenterMode()).isTrue();
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(UiStyles.PRESENTER);
        assertThat(driver.window().sidebar().getScene())
                .as("sidebar in the scene")
                .isNull();
        assertThat(robot.lookup("." + UiStyles.EXPLANATION).tryQuery()).isEmpty();
        assertThat(robot.lookup("." + UiStyles.KNOB_SHEET).tryQuery()).isEmpty();
        assertThat(driver.window().page().program().getScene()).isNotNull();
        assertThat(driver.window().page().console().isVisible()).isTrue();
        assertThat(driver.window().page().timeline().node().getScene()).isNotNull();

        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(driver.window().isPresenterMode()).isFalse();
        assertThat(driver.window().sidebar().getScene()).isNotNull();
        assertThat(robot.lookup("." + UiStyles.EXPLANATION).tryQuery()).isPresent();
    }

    @Test
    void theLanguageSwitchesEveryTextAndBack(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");
        assertThat(robot.lookup("#run-button").queryButton().getText()).isEqualTo("Run");
        TimelineSlot timeline = (TimelineSlot) driver.window().page().timeline();
        TimelineView englishTimeline = timeline.view();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#run-button").queryButton().getText()).isEqualTo("运行");
        assertThat(robot.lookup("." + UiStyles.DETAIL_TITLE)
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("每个进程都有自己的内存");
        assertThat(robot.lookup("#run-hint").queryAs(Label.class).getText()).contains("预测");
        assertThat(driver.status(robot)).isEqualTo("就绪。");
        assertThat(stage.getTitle()).isEqualTo("ProcLab — 每个进程都有自己的内存");
        // The timeline's own words are fixed when it is made: a new one stands in the old one's place.
        assertThat(timeline.view()).isNotSameAs(englishTimeline);
        assertThat(timeline.view().getScene()).isSameAs(stage.getScene());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#run-button").queryButton().getText()).isEqualTo("Run");
    }

    @Test
    void f1ShowsEveryShortcutAndEscapeClosesIt(FxRobot robot) throws Exception {
        driver.open(robot, "start-join");

        robot.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#help-overlay").query().isVisible()).isTrue();
        assertThat(robot.lookup("." + UiStyles.HELP_KEYS).queryAllAs(Label.class))
                .extracting(Label::getText)
                .contains("Ctrl+R", "F5", "F1");

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#help-overlay").query().isVisible()).isFalse();
    }

    @Test
    void altDownAndAltUpGoToTheNextAndPreviousLesson(FxRobot robot) throws Exception {
        driver.open(robot, "start-join");

        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);
        AppDriver.waitFor(10, () -> driver.page().lessonProperty().get().id().equals("isolation"));
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        AppDriver.waitFor(10, () -> driver.page().lessonProperty().get().id().equals("start-join"));
    }

    @Test
    void theDarkThemeCanBeSwitchedOnAndOff(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D).release(KeyCode.D, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getRoot().getStyleClass()).contains(UiStyles.DARK);

        robot.interact(() -> driver.window().setTheme(dev.proclab.ui.shell.Theme.LIGHT));
        assertThat(stage.getScene().getRoot().getStyleClass()).doesNotContain(UiStyles.DARK);
    }

    @Test
    void clickingTheAnswerThePredictionHintBringsTheChoicesIntoView(FxRobot robot) throws Exception {
        robot.interact(() -> stage.setHeight(800));
        driver.open(robot, "pool");
        Label hint = robot.lookup("#run-hint").queryAs(Label.class);
        assertThat(hint.getText()).contains("prediction");
        Node choice = robot.lookup("#prediction-at-most-n").query();
        ScrollPane setup = (ScrollPane) ancestor(choice, ScrollPane.class);
        Bounds view = setup.localToScene(setup.getLayoutBounds());
        // At this height the knobs push the choices below the setup column's edge.
        assertThat(choice.localToScene(choice.getLayoutBounds()).getMaxY()).isGreaterThan(view.getMaxY());

        robot.clickOn(hint);
        WaitForAsyncUtils.waitForFxEvents();

        Bounds shown = choice.localToScene(choice.getLayoutBounds());
        assertThat(shown.getMinY()).isGreaterThanOrEqualTo(view.getMinY());
        assertThat(shown.getMaxY()).isLessThanOrEqualTo(view.getMaxY());
        assertThat(choice.isFocused()).isTrue();
        assertThat(driver.page().run().phase()).isEqualTo(dev.proclab.ui.run.RunPhase.IDLE);
    }

    private static Node ancestor(Node node, Class<?> type) {
        Node n = node;
        while (n != null && !type.isInstance(n)) {
            n = n.getParent();
        }
        return n;
    }
}
