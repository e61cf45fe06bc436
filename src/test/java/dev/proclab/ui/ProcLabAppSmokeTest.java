package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.lessons.LessonEntry;
import dev.proclab.ui.support.AppDriver;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window on the real lessons folder ({@code -Dproclab.lessons}, set by the build). */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcLabAppSmokeTest {
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
    void theWindowListsTheCoreLessonsInOrderAndShowsTheChosenOne(FxRobot robot) throws Exception {
        ListView<LessonEntry> list = robot.lookup("." + UiStyles.LESSON_LIST).queryListView();
        Node problems = robot.lookup("." + UiStyles.PROBLEMS).query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !list.getItems().isEmpty() || problems.isVisible());

        assertThat(robot.lookup("." + UiStyles.PROBLEM).queryAllAs(Label.class))
                .as("problems shown for the shipped lessons")
                .extracting(Label::getText)
                .isEmpty();
        assertThat(list.getItems())
                .extracting(LessonEntry::id)
                .containsSubsequence("start-join", "isolation", "daemon");
        assertThat(list.getItems()).allSatisfy(l -> assertThat(l.title("en")).isNotBlank());

        driver.open(robot, "isolation");

        assertThat(stage.getTitle()).isEqualTo("ProcLab — Each process has its own memory");
        assertThat(robot.lookup("." + UiStyles.DETAIL_ID).queryAs(Label.class).getText())
                .isEqualTo("isolation");
        assertThat(robot.lookup("." + UiStyles.DETAIL_SUMMARY)
                        .queryAs(Label.class)
                        .getText())
                .isNotBlank();
        assertThat(driver.page().program().sources()).containsKey("Main.java");
        assertThat(driver.page().program().pythonProperty().get()).contains("from multiprocessing import Process");
        assertThat(robot.lookup("#knob-value").tryQuery()).isPresent();
        assertThat(robot.lookup("#prediction-original").tryQuery()).isPresent();
        assertThat(robot.lookup("#run-button").queryButton().isDisabled())
                .as("Run before predicting")
                .isTrue();
        assertThat(robot.lookup("#run-hint").queryAs(Label.class).getText()).contains("prediction");
    }
}
