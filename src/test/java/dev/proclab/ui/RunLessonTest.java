package dev.proclab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.lesson.CheckResult;
import dev.proclab.lesson.PredictionVerdict;
import dev.proclab.trace.ChromeTrace;
import dev.proclab.trace.Trace;
import dev.proclab.ui.run.RunPhase;
import dev.proclab.ui.support.AppDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A student's whole way through a lesson, on real processes: predict, run, read, export, replay. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RunLessonTest {
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
    void isolationRunsOnRealProcessesAndTheConsoleShowsBothValues(FxRobot robot) throws Exception {
        driver.open(robot, "isolation");

        robot.clickOn("#prediction-original");
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        AppDriver.waitFor(10, () -> driver.page().run().phase() != RunPhase.IDLE);
        driver.waitForEnd(90);
        AppDriver.waitFor(5, () -> driver.consoleTexts().size() >= 2);

        assertThat(driver.consoleTexts()).containsSubsequence("child: n = 0", "parent: n = 100");
        String status = driver.status(robot);
        assertThat(status).startsWith("Completed after").contains("MainProcess exit 0", "Process-1 exit 0");
        assertThat(driver.page().marks().isDone("isolation")).isTrue();
        assertThat(Files.readString(driver.dir.resolve("done.txt"))).contains("isolation");
        assertThat(robot.lookup("#run-button").queryButton().getText()).isEqualTo("Run again");

        // The lesson's checks judge the run, and with them the student's answer.
        AppDriver.waitFor(20, () -> driver.page().verdictProperty().get() != null);
        assertThat(driver.page().verdictProperty().get().outcome()).isEqualTo(PredictionVerdict.Outcome.CONFIRMED);
        assertThat(robot.lookup("#prediction-compare").queryAs(Label.class).getText())
                .startsWith("✓ The run confirms your prediction");
        assertThat(driver.page().checks())
                .extracting(CheckResult::id)
                .contains("child-prints-zero", "parent-keeps-value");
        assertThat(driver.page().checks())
                .allSatisfy(c -> assertThat(c.passed()).isTrue());
        assertThat(robot.lookup("#check-child-prints-zero").tryQuery()).isPresent();

        exportTheTraceAndReadItBack(robot);
        exportThePicture(robot);
    }

    private void exportTheTraceAndReadItBack(FxRobot robot) throws Exception {
        Trace ran = driver.trace();
        Path file = driver.dir.resolve("run.json");
        driver.toSave.add(file);

        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        AppDriver.waitFor(
                20, () -> robot.lookup("#notice").queryAs(Label.class).getText().startsWith("Saved"));

        Trace read = ChromeTrace.readTrace(file);
        assertThat(read.info()).isEqualTo(ran.info());
        assertThat(read.snapshot()).isEqualTo(ran.snapshot());

        // Open it again: a replay that runs nothing and shows the same lines.
        driver.toOpen.add(file);
        robot.press(KeyCode.CONTROL, KeyCode.O).release(KeyCode.O, KeyCode.CONTROL);
        AppDriver.waitFor(20, () -> driver.page().run().phase() == RunPhase.REPLAY);
        AppDriver.waitFor(5, () -> driver.consoleTexts().size() >= 2);
        assertThat(driver.consoleTexts()).containsSubsequence("child: n = 0", "parent: n = 100");
        assertThat(driver.status(robot)).startsWith("Replay of run.json");
        AppDriver.waitFor(20, () -> !driver.page().checks().isEmpty());
    }

    private void exportThePicture(FxRobot robot) throws Exception {
        Path png = driver.dir.resolve("timeline.png");
        driver.toSave.add(png);

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E).release(KeyCode.E, KeyCode.SHIFT, KeyCode.CONTROL);
        AppDriver.waitFor(
                20,
                () -> Files.isRegularFile(png)
                        && robot.lookup("#notice")
                                .queryAs(Label.class)
                                .getText()
                                .contains("timeline.png"));

        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isPositive();
        assertThat(image.getHeight()).isPositive();
    }
}
