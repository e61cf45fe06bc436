package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.I18n;
import dev.proclab.ui.ProcLabApp;
import dev.proclab.ui.UiStyles;
import dev.proclab.ui.support.TestLessons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sidebar with a lessons folder that has problems: they are listed, the good lessons still show. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LessonListViewTest {
    private static final List<String> PROBLEMS = List.of(
            "lessons/daemon/lesson.yaml: line 4: field 'order' must be a whole number, not 'three'",
            "lessons/queue: no lesson.yaml");

    private I18n i18n;
    private DoneMarks marks;

    @Start
    void start(Stage stage) throws Exception {
        ProcLabApp.installTheme();
        var model = new LessonListViewModel(
                () -> new LessonShelf(
                        List.of(
                                new LessonEntry(TestLessons.lesson("start-join", "Starting a process"), 1),
                                new LessonEntry(TestLessons.lesson("isolation", "Separate memory"), 2)),
                        PROBLEMS),
                Runnable::run,
                Runnable::run);
        model.load();
        i18n = new I18n(Locale.ENGLISH);
        Path done = Files.createTempDirectory("proclab-done").resolve("done.txt");
        marks = new DoneMarks(done);
        Scene scene = new Scene(new LessonListView(model, marks, i18n), 400, 700);
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
    }

    @Test
    void aLessonMarkedDoneShowsACheckInsteadOfItsNumber(FxRobot robot) {
        robot.interact(() -> marks.set("isolation", true));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("." + UiStyles.LESSON_CELL).queryAllAs(ListCell.class).stream()
                        .filter(c -> !c.isEmpty())
                        .sorted(Comparator.comparingInt(ListCell::getIndex))
                        .map(c -> ((Label) c.lookup("." + UiStyles.LESSON_ORDER)).getText()))
                .containsExactly("1", "✓");
    }

    @Test
    void theHeadingFollowsTheLanguage(FxRobot robot) {
        robot.interact(() -> i18n.setLocale(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("." + UiStyles.LESSON_LIST_HEADING)
                        .queryAs(Label.class)
                        .getText())
                .isEqualTo("课程");
    }
}
