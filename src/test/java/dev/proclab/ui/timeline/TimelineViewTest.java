package dev.proclab.ui.timeline;

import static dev.proclab.ui.timeline.TimelineFixtures.BUYER_1;
import static dev.proclab.ui.timeline.TimelineFixtures.CHILD_1;
import static dev.proclab.ui.timeline.TimelineFixtures.CHILD_2;
import static dev.proclab.ui.timeline.TimelineFixtures.MAIN;
import static dev.proclab.ui.timeline.TimelineFixtures.WATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.ManagerEvent;
import dev.proclab.engine.event.PipeEvent;
import dev.proclab.engine.event.PoolEvent;
import dev.proclab.engine.event.SemaphoreEvent;
import dev.proclab.engine.event.SharedWrite;
import dev.proclab.trace.Trace;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The timeline in a real window (headless): lanes drawn, clicks select, keys move, a live trace grows. */
@ExtendWith(ApplicationExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimelineViewTest {

    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.darkProperty().set(false);
        stage.setScene(new Scene(view, 1200, 560));
        stage.show();
    }

    private void show(FxRobot robot, Trace trace) {
        robot.interact(() -> view.show(trace));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view::frame);
    }

    /** Where time {@code ms} of the fixture falls on the canvas, and the middle of lane {@code pid}'s bar. */
    private Point2D at(FxRobot robot, double ms, long pid) {
        AtomicReference<Point2D> point = new AtomicReference<>();
        robot.interact(() -> {
            Frame f = view.snapshotFrame();
            TimelineLayout.Row row = f.layout().laneRow(pid);
            point.set(new Point2D(f.x(Events.t(ms)), f.y(row) + f.barInset() + f.barHeight() / 2));
        });
        return point.get();
    }

    private Point2D onScreen(Point2D canvasPoint) {
        Insets in = view.getInsets();
        return view.localToScreen(canvasPoint.getX() + in.getLeft(), canvasPoint.getY() + in.getTop());
    }

    private static boolean near(Color actual, Color expected) {
        return Math.abs(actual.getRed() - expected.getRed()) < 0.03
                && Math.abs(actual.getGreen() - expected.getGreen()) < 0.03
                && Math.abs(actual.getBlue() - expected.getBlue()) < 0.03;
    }

    @Test
    void everyProcessGetsALaneDrawnInItsStatesColours(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());

        // when
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(view.snapshotImage()));
        Point2D running = at(robot, 380, MAIN);
        Point2D blocked = at(robot, 600, MAIN);
        Point2D sleeping = at(robot, 1500, CHILD_2);

        // then
        TimelineLayout layout = view.timelineLayout();
        assertThat(layout.rows)
                .filteredOn(r -> r.kind() == TimelineLayout.Kind.LANE)
                .extracting(r -> r.lane().pid)
                .containsExactly(MAIN, CHILD_1, CHILD_2, WATCHER);
        assertThat(layout.rows)
                .filteredOn(r -> r.kind() == TimelineLayout.Kind.LANE)
                .extracting(r -> r.lane().depth)
                .containsExactly(0, 1, 1, 1);
        var pixels = image.get().getPixelReader();
        assertThat(pixels.getColor((int) running.getX(), (int) running.getY())).matches(c -> near(c, Palette.BLUE));
        assertThat(pixels.getColor((int) blocked.getX(), (int) blocked.getY())).matches(c -> near(c, Palette.ORANGE));
        assertThat(pixels.getColor((int) sleeping.getX(), (int) sleeping.getY() - 2))
                .matches(c -> near(c, Palette.LIGHT.sleepingFill()));
        // the finished run is fitted: its start and end are both in view
        assertThat(view.viewport().start()).isLessThan(Events.t(0));
        assertThat(view.viewport().end()).isGreaterThan(Events.t(3010));
    }

    @Test
    void pinsMarkTheCitedEventsOnTheirLanesAndRevealBringsThemIntoView(FxRobot robot) {
        // given: a finished run, zoomed in far from the events to point at
        show(robot, TimelineFixtures.startJoin());
        robot.interact(() -> {
            for (int i = 0; i < 8; i++) {
                view.zoomIn();
            }
        });
        robot.interact(view::frame);
        assertThat(view.viewport().end()).isLessThan(Events.t(2961));

        // when: the page points at child 2's last line and the daemon's end
        robot.interact(() -> {
            view.pinsProperty()
                    .set(List.of(
                            new TimelineView.Pin(CHILD_2, Events.t(2961)),
                            new TimelineView.Pin(WATCHER, Events.t(2985))));
            view.reveal(Events.t(2961), Events.t(2985));
        });
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(view.snapshotImage()));

        // then: both are in view, each with a ring in the cursor's colour around it (left of its centre)
        assertThat(view.viewport().start()).isLessThan(Events.t(2961));
        assertThat(view.viewport().end()).isGreaterThan(Events.t(2985));
        assertThat(view.followLiveProperty().get()).isFalse();
        var pixels = image.get().getPixelReader();
        Metrics m = view.metrics();
        double radius = Math.max(7, m.laneHeight * 0.42);
        for (var pin : view.pinsProperty().get()) {
            Frame f = view.snapshotFrame();
            TimelineLayout.Row row = f.layout().laneRow(pin.pid());
            double x = f.layout().plotLeft() + f.viewport().toX(pin.nanos());
            double y = f.layout().screenY(row.top() + row.height() / 2, f.viewport());
            boolean ring = false;
            for (int dx = -1; dx <= 1 && !ring; dx++) {
                ring = near(
                        pixels.getColor((int) Math.round(x - radius) + dx, (int) Math.round(y)),
                        Palette.LIGHT.cursor());
            }
            assertThat(ring).as("a ring at pid %d", pin.pid()).isTrue();
        }

        // and a new trace drops the pins
        show(robot, TimelineFixtures.startJoin());
        assertThat(view.pinsProperty().get()).isEmpty();
    }

    @Test
    void clickingAStatePlacesTheCursorAndSelectsItWithItsProgramLine(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());
        Point2D sleeping = at(robot, 1500, CHILD_1);

        // when
        robot.clickOn(onScreen(sleeping));
        WaitForAsyncUtils.waitForFxEvents();

        // then
        TimelineSelection selected = view.selectionProperty().get();
        assertThat(selected).isNotNull();
        assertThat(selected.kind()).isEqualTo(TimelineSelection.Kind.STATE);
        assertThat(selected.pid()).isEqualTo(CHILD_1);
        assertThat(selected.processName()).isEqualTo("Process-1");
        assertThat(selected.nanos()).isEqualTo(Events.t(920));
        assertThat(selected.endNanos()).isEqualTo(Events.t(1920));
        assertThat(selected.line()).isEqualTo(11);
        assertThat(selected.sinceStartNanos()).isEqualTo(920_000_000L);
        assertThat(selected.detail()).contains("sleep 1.0 s");
        assertThat(view.cursorNanosProperty().get()).isBetween(Events.t(1490), Events.t(1510));
    }

    @Test
    void clickingANameSelectsTheProcessAndTheLineThatStartedIt(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());
        Point2D lane = at(robot, 0, WATCHER);

        // when
        robot.clickOn(onScreen(new Point2D(20, lane.getY())));
        WaitForAsyncUtils.waitForFxEvents();

        // then
        TimelineSelection selected = view.selectionProperty().get();
        assertThat(selected.kind()).isEqualTo(TimelineSelection.Kind.PROCESS);
        assertThat(selected.pid()).isEqualTo(WATCHER);
        assertThat(selected.line()).isEqualTo(44);
        assertThat(selected.detail()).contains("killed as daemon");
    }

    @Test
    void locksAndQueuesGetTracksThatClicksSelect(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.lockAndQueue());
        TimelineLayout layout = view.timelineLayout();
        TimelineLayout.Row lock = layout.rows.stream()
                .filter(r -> r.kind() == TimelineLayout.Kind.LOCK)
                .findFirst()
                .orElseThrow();
        TimelineLayout.Row queue = layout.rows.stream()
                .filter(r -> r.kind() == TimelineLayout.Kind.QUEUE)
                .findFirst()
                .orElseThrow();
        double lockX = at(robot, 700, BUYER_1).getX();
        double queueX = at(robot, 1100, BUYER_1).getX();
        AtomicReference<Double> lockY = new AtomicReference<>();
        AtomicReference<Double> queueY = new AtomicReference<>();
        robot.interact(() -> {
            Frame f = view.snapshotFrame();
            lockY.set(f.y(lock) + lock.height() * 0.3);
            queueY.set(f.y(queue) + queue.height() * 0.8);
        });

        // when
        robot.clickOn(onScreen(new Point2D(lockX, lockY.get())));
        WaitForAsyncUtils.waitForFxEvents();
        TimelineSelection lockSelection = view.selectionProperty().get();
        robot.clickOn(onScreen(new Point2D(queueX, queueY.get())));
        WaitForAsyncUtils.waitForFxEvents();
        TimelineSelection queueSelection = view.selectionProperty().get();

        // then
        assertThat(lock.lock().name()).isEqualTo("Lock-1");
        assertThat(lockSelection.kind()).isEqualTo(TimelineSelection.Kind.LOCK);
        assertThat(lockSelection.pid()).isEqualTo(BUYER_1);
        assertThat(lockSelection.line()).isEqualTo(22);
        assertThat(lockSelection.title()).contains("Buyer-1");
        assertThat(lockSelection.detail()).contains("Buyer-2, Buyer-3");
        assertThat(queueSelection.kind()).isEqualTo(TimelineSelection.Kind.QUEUE);
        assertThat(queueSelection.objectId()).isEqualTo(TimelineFixtures.QUEUE);
        assertThat(queueSelection.detail()).contains("item-2 | item-3 | item-4");
    }

    @Test
    void aFinishedRunStaysWholeWhenPresenterModeChangesTheSizes(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());

        // when
        robot.interact(() -> view.setPresenterMode(true));
        robot.interact(view::frame);

        // then
        assertThat(view.timelineLayout().laneHeight).isGreaterThan(Metrics.of(false).laneHeight);
        assertThat(view.viewport().start()).isLessThan(Events.t(0));
        assertThat(view.viewport().end()).isGreaterThan(Events.t(3010));
    }

    @Test
    void theWordsFollowTheChosenLanguage(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());
        robot.interact(() -> view.setLocale(Locale.SIMPLIFIED_CHINESE));
        robot.interact(view::frame);

        // when
        robot.clickOn(onScreen(at(robot, 1500, CHILD_1)));
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertThat(view.selectionProperty().get().title()).endsWith("睡眠");
        assertThat(view.selectionProperty().get().detail()).contains("程序第 11 行");
    }

    @Test
    void keysZoomPanAndClear(FxRobot robot) {
        // given
        show(robot, TimelineFixtures.startJoin());
        robot.clickOn(onScreen(at(robot, 1500, CHILD_1)));
        WaitForAsyncUtils.waitForFxEvents();
        long span = view.viewport().spanNanos();

        // when
        robot.type(KeyCode.ADD);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertThat((double) view.viewport().spanNanos())
                .isCloseTo(span / TimelineView.ZOOM_STEP, org.assertj.core.api.Assertions.within(span * 0.01));

        // when
        long start = view.viewport().start();
        robot.type(KeyCode.RIGHT);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();

        // then
        assertThat(view.viewport().start()).isGreaterThan(start);
        assertThat(view.followLiveProperty().get()).isFalse();
        assertThat(view.cursorNanosProperty().get()).isNull();
        assertThat(view.selectionProperty().get()).isNull();
    }

    @Test
    void aLiveTraceIsFollowedAsItGrowsOnAnotherThread(FxRobot robot) throws Exception {
        // given a live trace with only its first events
        List<Event> events = TimelineFixtures.startJoinEvents().inTimeOrder();
        Trace live = new Trace(Events.info("start-join"));
        live.append(events.subList(0, 3));
        show(robot, live);
        assertThat(view.model().lanes()).hasSize(2);

        // when the collector appends the rest from its own thread
        Thread collector = new Thread(() -> {
            for (int i = 3; i < events.size(); i += 4) {
                live.append(events.subList(i, Math.min(events.size(), i + 4)));
            }
        });
        collector.start();
        collector.join();

        // then the timer folds it in on the JavaFX thread within a few frames, and fits the ended run
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> view.model().ended());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(view.model().lanes()).hasSize(4);
        assertThat(view.viewport().end()).isGreaterThan(Events.t(3010));
    }

    @Test
    void poolTasksSemaphoresSharedDataPipesAndCallsAreDrawnAndClickable(FxRobot robot) {
        // given a run with a pool worker running two tasks, a semaphore, a shared Value, a pipe and a manager
        Events e = new Events();
        long main = 300;
        long worker = 301;
        long other = 302;
        long manager = 303;
        e.spawned(0, Events.SUPERVISOR, main, "MainProcess", false, 0)
                .started(60, 100, main, Events.SUPERVISOR, "MainProcess", false, true);
        String[] names = {"ForkPoolWorker-1", "Other", "SyncManager-1"};
        for (int i = 0; i < 3; i++) {
            e.spawned(120, main, 301 + i, names[i], true, 10).started(150, 200, 301 + i, main, names[i], true, false);
        }
        e.created(210, main, 7, "Pool", "Pool-1", 1, 11)
                .add(new PoolEvent(
                        0,
                        Events.t(300),
                        worker,
                        worker,
                        7,
                        PoolEvent.Op.STARTED,
                        1,
                        1,
                        0,
                        1,
                        worker,
                        true,
                        "task-a",
                        12))
                .sleeping(300, worker, 0.3, 13)
                .add(new PoolEvent(
                        0, Events.t(600), worker, worker, 7, PoolEvent.Op.FINISHED, 1, 1, 0, 1, worker, true, "A", 12))
                .add(new PoolEvent(
                        0,
                        Events.t(610),
                        Events.SUPERVISOR,
                        main,
                        7,
                        PoolEvent.Op.DELIVERED,
                        1,
                        1,
                        0,
                        1,
                        worker,
                        true,
                        "A",
                        12))
                .add(new PoolEvent(
                        0,
                        Events.t(620),
                        worker,
                        worker,
                        7,
                        PoolEvent.Op.STARTED,
                        1,
                        2,
                        1,
                        1,
                        worker,
                        true,
                        "task-b",
                        12))
                .add(new PoolEvent(
                        0,
                        Events.t(900),
                        worker,
                        worker,
                        7,
                        PoolEvent.Op.FINISHED,
                        1,
                        2,
                        1,
                        1,
                        worker,
                        false,
                        "boom",
                        12))
                .created(220, main, 8, "Semaphore", "Semaphore-1", 0, 20)
                .add(new SemaphoreEvent(
                        0, Events.t(400), Events.SUPERVISOR, other, 8, LockEvent.Op.ACQUIRED, 0, "302", "", 21))
                .add(new SemaphoreEvent(
                        0, Events.t(450), Events.SUPERVISOR, main, 8, LockEvent.Op.WAITING, 0, "302", "300", 21))
                .add(new SemaphoreEvent(
                        0, Events.t(800), Events.SUPERVISOR, other, 8, LockEvent.Op.RELEASED, 0, "300", "", 22))
                .created(230, main, 9, "Value", "Value-1", 0, 30)
                .add(new SharedWrite(0, Events.t(300), other, 9, 0, 1, 0, 31))
                .add(new SharedWrite(0, Events.t(500), worker, 9, 0, 5, 12, 31))
                .add(new PipeEvent(
                        0, Events.t(320), Events.SUPERVISOR, main, 10, 0, PipeEvent.Op.SENT, 1, "hi", 1, 10, true, 40))
                .add(new PipeEvent(
                        0,
                        Events.t(380),
                        Events.SUPERVISOR,
                        other,
                        10,
                        1,
                        PipeEvent.Op.RECEIVED,
                        1,
                        "hi",
                        0,
                        0,
                        true,
                        41))
                .add(new ManagerEvent(
                        0,
                        Events.t(330),
                        Events.SUPERVISOR,
                        other,
                        11,
                        manager,
                        ManagerEvent.Op.CALLED,
                        1,
                        other,
                        "list-1",
                        "append",
                        "1",
                        "",
                        50))
                .add(new ManagerEvent(
                        0,
                        Events.t(340),
                        Events.SUPERVISOR,
                        manager,
                        11,
                        manager,
                        ManagerEvent.Op.SERVED,
                        1,
                        other,
                        "list-1",
                        "append",
                        "1",
                        "",
                        50))
                .add(new ManagerEvent(
                        0,
                        Events.t(350),
                        Events.SUPERVISOR,
                        other,
                        11,
                        manager,
                        ManagerEvent.Op.RETURNED,
                        1,
                        other,
                        "list-1",
                        "append",
                        "1",
                        "None",
                        50));
        for (long pid = 301; pid <= 303; pid++) {
            e.exiting(1000, pid, 0).exited(1010, main, pid, 0);
        }
        e.exiting(1020, main, 0).runEnded(1030);
        show(robot, e.trace("new-tracks"));
        robot.interact(() -> view.snapshotImage());
        TimelineLayout layout = view.timelineLayout();
        TimelineLayout.Row sem = layout.rows.stream()
                .filter(r -> r.kind() == TimelineLayout.Kind.SEMAPHORE)
                .findFirst()
                .orElseThrow();
        TimelineLayout.Row data = layout.rows.stream()
                .filter(r -> r.kind() == TimelineLayout.Kind.DATA)
                .findFirst()
                .orElseThrow();

        // when clicking the worker's lane inside its first task, the semaphore while main waits, the value
        Point2D task = at(robot, 450, worker);
        AtomicReference<TimelineSelection> onTask = new AtomicReference<>();
        AtomicReference<TimelineSelection> onSem = new AtomicReference<>();
        AtomicReference<TimelineSelection> onData = new AtomicReference<>();
        robot.interact(() -> {
            view.clickAt(task.getX(), task.getY());
            onTask.set(view.selectionProperty().get());
            Frame f = view.snapshotFrame();
            view.clickAt(f.x(Events.t(500)), f.y(sem) + sem.height() * 0.3);
            onSem.set(view.selectionProperty().get());
            view.clickAt(f.x(Events.t(550)), f.y(data) + data.height() * 0.5);
            onData.set(view.selectionProperty().get());
        });

        // then each says what it is, and the legend lists the new marks
        assertThat(onTask.get().title()).contains("task-a");
        assertThat(onTask.get().detail()).contains("pool task 1").contains("returned A");
        assertThat(onSem.get().kind()).isEqualTo(TimelineSelection.Kind.SEMAPHORE);
        assertThat(onSem.get().title()).contains("1 inside: Other");
        assertThat(onSem.get().detail()).contains("waiting, in order: MainProcess");
        assertThat(onData.get().kind()).isEqualTo(TimelineSelection.Kind.DATA);
        assertThat(onData.get().detail())
                .contains("value 5, written by ForkPoolWorker-1")
                .contains("12 more");
        assertThat(LegendPainter.items(view.model()))
                .contains(
                        LegendPainter.Item.TASK,
                        LegendPainter.Item.SEMAPHORE,
                        LegendPainter.Item.DATA,
                        LegendPainter.Item.PIPE,
                        LegendPainter.Item.CALL,
                        LegendPainter.Item.RESULT);
        assertThat(view.model().messages().messages()).hasSize(4);
    }
}
