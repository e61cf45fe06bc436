package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.ProcLabApp;
import dev.proclab.ui.UiStyles;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The browser with a lessons folder that has problems: they are listed, the good lessons still show. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LessonListViewTest {
    private static final List<String> PROBLEMS = List.of(
            "lessons/daemon/lesson.yaml: line 4: field 'order' must be a whole number, not 'three'",
            "lessons/queue: no lesson.yaml");

    private LessonListView view;

    @Start
    void start(Stage stage) {
        ProcLabApp.installTheme();
        var model = new LessonListViewModel(
                () -> new LessonShelf(
                        List.of(new LessonEntry("start-join", 1, "Starting a process", "start() and join().")),
                        PROBLEMS),
                Runnable::run,
                Runnable::run);
        model.load();
        view = new LessonListView(model, ResourceBundle.getBundle("dev.proclab.ui.messages", Locale.ROOT));
        Scene scene = new Scene(view, 1000, 700);
        scene.getStylesheets().add(UiStyles.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void problemsAreListedAboveTheLessonsThatLoaded(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();

        Node pane = robot.lookup("." + UiStyles.PROBLEMS).query();
        assertThat(pane.isVisible()).isTrue();
        assertThat(robot.lookup("." + UiStyles.PROBLEMS_HEADING)
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("2 problems in the lessons folder");
        assertThat(robot.lookup("." + UiStyles.PROBLEM).queryAllAs(Label.class))
                .extracting(Label::getText)
                .containsExactlyElementsOf(PROBLEMS);
        assertThat(robot.lookup("." + UiStyles.DETAIL_ID).queryAs(Label.class).getText())
                .isEqualTo("start-join");
    }

    @Test
    void chineseMessagesExistForEveryKey() {
        ResourceBundle en = ResourceBundle.getBundle("dev.proclab.ui.messages", Locale.ROOT);
        ResourceBundle zh = ResourceBundle.getBundle("dev.proclab.ui.messages", Locale.SIMPLIFIED_CHINESE);

        for (String key : en.keySet()) {
            assertThat(zh.getString(key)).as(key).isNotEqualTo(en.getString(key));
        }
    }
}
