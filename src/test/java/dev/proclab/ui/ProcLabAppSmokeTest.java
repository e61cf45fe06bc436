package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.lessons.LessonEntry;
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
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the real window on the real lessons folder ({@code -Dproclab.lessons}, set by the build). */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcLabAppSmokeTest {
    private ProcLabApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new ProcLabApp();
        app.start(stage);
    }

    @AfterEach
    void stopApp(FxRobot robot) {
        robot.interact(app::stop);
    }

    @Test
    void theWindowListsTheCoreLessonsInOrderAndShowsTheSelectedOne(FxRobot robot) throws Exception {
        ListView<LessonEntry> list = robot.lookup("." + UiStyles.LESSON_LIST).queryListView();
        Node problems = robot.lookup("." + UiStyles.PROBLEMS).query();
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> !list.getItems().isEmpty() || problems.isVisible());

        assertThat(robot.lookup("." + UiStyles.PROBLEM).queryAllAs(Label.class))
                .as("problems shown for the shipped lessons")
                .extracting(Label::getText)
                .isEmpty();
        assertThat(stage.getTitle()).isEqualTo("ProcLab");
        assertThat(list.getItems())
                .extracting(LessonEntry::id)
                .containsSubsequence("start-join", "isolation", "daemon");
        assertThat(list.getItems()).allSatisfy(l -> assertThat(l.title()).isNotBlank());

        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("." + UiStyles.LESSON_ID)
                .match(LabeledMatchers.hasText("isolation"))
                .queryLabeled());
        WaitForAsyncUtils.waitForFxEvents();

        Label id = robot.lookup("." + UiStyles.DETAIL_ID).queryAs(Label.class);
        Label summary = robot.lookup("." + UiStyles.DETAIL_SUMMARY).queryAs(Label.class);
        assertThat(id.getText()).isEqualTo("isolation");
        assertThat(summary.getText()).isNotBlank();
    }
}
