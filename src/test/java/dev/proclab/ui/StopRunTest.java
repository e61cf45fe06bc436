package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.ui.code.CodeEditor;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.support.AppDriver;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A program that would run for ten minutes: Stop ends every process of it, and compile errors are listed. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StopRunTest {
    private static final String HANGS =
            """
            import static dev.proclab.engine.Multiprocessing.*;

            import dev.proclab.engine.Process;

            public class Main {
                static void work() {
                    System.out.println("child: sleeping for ten minutes");
                    sleep(600);
                }

                public static void main(String[] args) throws Exception {
                    Process p = new Process(Main::work);
                    p.start();
                    System.out.println("parent: waiting for the child");
                    p.join();
                }
            }
            """;

    private AppDriver driver;

    @Start
    void start(Stage stage) throws Exception {
        driver = new AppDriver();
        driver.start(stage);
    }

    @AfterEach
    void stopApp(FxRobot robot) {
        driver.stop(robot);
    }

    @Test
    void stopEndsAHangingProgramAndLeavesNoProcessBehind(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");
        CodeEditor editor = driver.window().page().program().javaEditor("Main.java");
        robot.interact(() -> editor.area().replaceText(HANGS));
        robot.clickOn("#prediction-skip");
        robot.clickOn("#run-button");
        AppDriver.waitFor(60, () -> driver.consoleTexts().contains("child: sleeping for ten minutes"));
        String runId = driver.trace().info().runId();
        assertThat(AppDriver.processesOf(runId))
                .as("the lesson's processes while it runs")
                .hasSizeGreaterThanOrEqualTo(2);

        robot.clickOn("#stop-button");
        driver.waitForEnd(20);

        assertThat(driver.status(robot)).startsWith("Stopped by you");
        AppDriver.waitFor(10, () -> AppDriver.processesOf(runId).isEmpty());
        assertThat(AppDriver.processesOf(runId)).isEmpty();
        assertThat(driver.page().marks().isDone("isolation")).isFalse();
    }

    @Test
    void escapeStopsTooAndSwitchingLessonsStopsARun(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");
        CodeEditor editor = driver.window().page().program().javaEditor("Main.java");
        robot.interact(() -> editor.area().replaceText(HANGS));
        robot.clickOn("#prediction-skip");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        AppDriver.waitFor(60, () -> driver.consoleTexts().contains("child: sleeping for ten minutes"));
        String first = driver.trace().info().runId();

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        driver.waitForEnd(20);
        AppDriver.waitFor(10, () -> AppDriver.processesOf(first).isEmpty());

        // Run again, then go to the next lesson while it runs.
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        AppDriver.waitFor(
                60,
                () -> driver.page().run().phase() == RunPhase.RUNNING
                        && !driver.trace().info().runId().equals(first)
                        && driver.consoleTexts().contains("child: sleeping for ten minutes"));
        String second = driver.trace().info().runId();
        robot.press(KeyCode.ALT, KeyCode.DOWN).release(KeyCode.DOWN, KeyCode.ALT);

        AppDriver.waitFor(10, () -> driver.page().lessonProperty().get().id().equals("daemon"));
        assertThat(driver.page().run().phase()).isEqualTo(RunPhase.IDLE);
        AppDriver.waitFor(10, () -> AppDriver.processesOf(second).isEmpty());
    }

    @Test
    void closingTheAppEndsTheRun(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");
        CodeEditor editor = driver.window().page().program().javaEditor("Main.java");
        robot.interact(() -> editor.area().replaceText(HANGS));
        robot.clickOn("#prediction-skip");
        robot.clickOn("#run-button");
        AppDriver.waitFor(60, () -> driver.consoleTexts().contains("child: sleeping for ten minutes"));
        String runId = driver.trace().info().runId();

        driver.stop(robot);

        assertThat(AppDriver.processesOf(runId)).isEmpty();
    }

    @Test
    void aProgramThatDoesNotCompileListsItsErrorsAndPutsTheCaretOnTheFirst(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");
        CodeEditor editor = driver.window().page().program().javaEditor("Main.java");
        robot.interact(() -> editor.area().replaceText("public class Main {\n    int x = ;\n}\n"));
        robot.clickOn("#prediction-skip");
        robot.clickOn("#run-button");

        AppDriver.waitFor(60, () -> driver.page().run().phase() == RunPhase.COMPILE_FAILED);

        assertThat(robot.lookup("#compile-errors").queryListView().getItems())
                .first()
                .asString()
                .startsWith("Main.java:2:");
        assertThat(editor.area().getCurrentParagraph()).isEqualTo(1);
        assertThat(driver.status(robot)).startsWith("The program does not compile");

        robot.clickOn("#reset-program");
        assertThat(driver.page().program().editedProperty().get()).isFalse();
    }
}
