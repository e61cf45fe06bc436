package dev.proclab.trace;

import static dev.proclab.trace.SampleRuns.CHILD_1;
import static dev.proclab.trace.SampleRuns.CHILD_2;
import static dev.proclab.trace.SampleRuns.DAEMON_CHILD;
import static dev.proclab.trace.SampleRuns.DAEMON_MAIN;
import static dev.proclab.trace.SampleRuns.MAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Output;
import dev.proclab.engine.event.RunEnded;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TraceFoldTest {

    private static final long BASE = 5_000_000_000L;

    @Test
    void childLaneRunsFromSpawnRequestThroughItsStatesToItsExit() {
        // given
        EventScript run = SampleRuns.startJoin(BASE);

        // when
        ProcessLane child = TraceFold.fold(run.events()).lane(CHILD_1).orElseThrow();

        // then
        assertThat(child.ppid()).isEqualTo(MAIN);
        assertThat(child.name()).isEqualTo("child 1");
        assertThat(child.daemon()).isFalse();
        assertThat(child.main()).isFalse();
        assertThat(child.spawnRequestedNanos()).hasValue(run.t(130));
        assertThat(child.bootNanos()).hasValue(run.t(290));
        assertThat(child.startNanos()).hasValue(run.t(345));
        assertThat(child.segments())
                .containsExactly(
                        new StateSegment(LaneState.STARTING, run.t(130), run.t(345), "", -1, 12),
                        new StateSegment(LaneState.RUNNING, run.t(345), run.t(347), "", -1, 0),
                        new StateSegment(LaneState.SLEEPING, run.t(347), run.t(1347), "sleep 1.0 s", -1, 7),
                        new StateSegment(LaneState.RUNNING, run.t(1347), run.t(1360), "", -1, 7));
        assertThat(child.exit()).contains(new ProcessExit(run.t(1360), 0, true, false));
        assertThat(child.endNanos()).hasValue(run.t(1360));
    }

    @Test
    void parentBlockedInJoinNamesTheChildItWaitsFor() {
        // given
        EventScript run = SampleRuns.startJoin(BASE);

        // when
        ProcessLane main = TraceFold.fold(run.events()).lane(MAIN).orElseThrow();

        // then
        assertThat(main.main()).isTrue();
        assertThat(main.segments())
                .extracting(StateSegment::state, StateSegment::onPid, StateSegment::startNanos, StateSegment::endNanos)
                .containsExactly(
                        tuple(LaneState.STARTING, -1L, run.t(0), run.t(120)),
                        tuple(LaneState.RUNNING, -1L, run.t(120), run.t(150)),
                        tuple(LaneState.BLOCKED, CHILD_1, run.t(150), run.t(1361)),
                        tuple(LaneState.BLOCKED, CHILD_2, run.t(1361), run.t(2371)),
                        tuple(LaneState.RUNNING, -1L, run.t(2371), run.t(2400)));
    }

    @Test
    void mainProcessWithoutSpawnReportStartsAtItsJvmBoot() {
        // given
        EventScript run = SampleRuns.daemon(BASE);

        // when
        ProcessLane main = TraceFold.fold(run.events()).lane(DAEMON_MAIN).orElseThrow();

        // then
        assertThat(main.spawnRequestedNanos()).isEmpty();
        assertThat(main.segments().get(0))
                .isEqualTo(new StateSegment(LaneState.STARTING, run.t(0), run.t(50), "", -1, 0));
    }

    @Test
    void daemonChildEndedWithItsParentIsFlaggedAndSignalled() {
        // given
        EventScript run = SampleRuns.daemon(BASE);

        // when
        ProcessLanes lanes = TraceFold.fold(run.events());

        // then
        ProcessLane child = lanes.lane(DAEMON_CHILD).orElseThrow();
        assertThat(child.daemon()).isTrue();
        ProcessExit exit = child.exit().orElseThrow();
        assertThat(exit.exitCode()).isEqualTo(-15);
        assertThat(exit.signal()).isEqualTo(OptionalInt.of(15));
        assertThat(exit.daemonTerminated()).isTrue();
        assertThat(child.segments()).last().satisfies(s -> {
            assertThat(s.state()).isEqualTo(LaneState.SLEEPING);
            assertThat(s.endNanos()).isEqualTo(run.t(1080));
        });
        assertThat(lanes.lane(DAEMON_MAIN).orElseThrow().exit().orElseThrow().daemonTerminated())
                .isFalse();
    }

    @Test
    void exitCodeComesFromExitingUntilTheParentReportsExited() {
        // given
        EventScript run = new EventScript(BASE)
                .started(0, 10, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .exiting(20, MAIN, 1);
        TraceFold fold = new TraceFold().feed(run.events());

        // when
        ProcessExit before = fold.lanes().lane(MAIN).orElseThrow().exit().orElseThrow();
        fold.feed(new EventScript(BASE)
                .exited(30, EventScript.SUPERVISOR, MAIN, -9)
                .events());
        ProcessExit after = fold.lanes().lane(MAIN).orElseThrow().exit().orElseThrow();

        // then
        assertThat(before).isEqualTo(new ProcessExit(run.t(20), 1, false, false));
        assertThat(before.signal()).isEmpty();
        assertThat(after).isEqualTo(new ProcessExit(run.t(30), -9, true, false));
        assertThat(after.signal()).hasValue(9);
    }

    @Test
    void liveProcessHasAnOpenLastSegmentThatTheRunsEndCloses() {
        // given
        EventScript run = new EventScript(BASE)
                .started(0, 10, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .spawned(20, MAIN, CHILD_1, "Process-1", false)
                .sleeping(30, MAIN, "sleep 5.0 s");
        TraceFold fold = new TraceFold().feed(run.events());

        // when
        ProcessLanes live = fold.lanes();
        fold.feed(new EventScript(BASE)
                .runEnded(40, RunEnded.Outcome.STOPPED, "stopped")
                .events());
        ProcessLanes ended = fold.lanes();

        // then
        assertThat(live.lane(MAIN).orElseThrow().isAlive()).isTrue();
        assertThat(live.lane(MAIN).orElseThrow().segments()).last().matches(StateSegment::isOpen);
        assertThat(live.lane(CHILD_1).orElseThrow().segments())
                .containsExactly(new StateSegment(LaneState.STARTING, run.t(20), StateSegment.OPEN, "", -1, 12));
        assertThat(ended.lanes()).allSatisfy(lane -> {
            assertThat(lane.isAlive()).isFalse();
            assertThat(lane.exit()).isEmpty();
            assertThat(lane.segments())
                    .last()
                    .extracting(StateSegment::endNanos)
                    .isEqualTo(run.t(40));
        });
        assertThat(ended.runEnded()).map(RunEnded::outcome).contains(RunEnded.Outcome.STOPPED);
    }

    @Test
    void printedLinesKeepTheirTimeStreamAndOrder() {
        // given
        EventScript run = SampleRuns.startJoin(BASE);

        // when
        ProcessLane child = TraceFold.fold(run.events()).lane(CHILD_2).orElseThrow();

        // then
        assertThat(child.lines())
                .containsExactly(
                        new PrintedLine(run.t(351), Output.Stream.OUT, "child 2 is running", 5),
                        new PrintedLine(run.t(2353), Output.Stream.ERR, "child 2 warns", 0));
    }

    @Test
    void droppedLinesCountTheLatestTotal() {
        // given
        EventScript run = new EventScript(BASE)
                .started(0, 10, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .dropped(1000, MAIN, 40)
                .dropped(2000, MAIN, 90);

        // when
        ProcessLane main = TraceFold.fold(run.events()).lane(MAIN).orElseThrow();

        // then
        assertThat(main.droppedLines()).isEqualTo(90);
    }

    @Test
    void lanesListParentsBeforeChildrenAndSiblingsInStartOrder() {
        // given
        EventScript run = SampleRuns.startJoin(BASE)
                .spawned(2360, CHILD_2, 13, "child 2:1", false)
                .started(2361, 2362, 13, CHILD_2, "child 2:1", false, false);

        // when
        ProcessLanes lanes = TraceFold.fold(SampleRuns.interleavedAgain(run.events(), 3));

        // then
        assertThat(lanes.lanes()).extracting(ProcessLane::pid).containsExactly(MAIN, CHILD_1, CHILD_2, 13L);
    }

    @Test
    void lanesDoNotDependOnHowProcessesEventsInterleave() {
        // given
        List<Event> events = SampleRuns.startJoin(BASE).events();
        ProcessLanes expected = TraceFold.fold(events);

        for (long seed = 0; seed < 50; seed++) {
            // when
            ProcessLanes lanes = TraceFold.fold(SampleRuns.interleavedAgain(events, seed));

            // then
            assertThat(lanes).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @Test
    void feedingInStepsGivesTheSameLanesAsOneFullFoldAtEveryIndex() {
        // given
        List<Event> events =
                SampleRuns.interleavedAgain(SampleRuns.startJoin(-BASE).events(), 7);
        Random random = new Random(11);
        TraceFold incremental = new TraceFold();

        while (incremental.eventCount() < events.size()) {
            // when
            int from = incremental.eventCount();
            int to = Math.min(events.size(), from + 1 + random.nextInt(4));
            incremental.feed(events.subList(from, to));

            // then
            assertThat(incremental.lanes()).isEqualTo(TraceFold.fold(events.subList(0, to)));
        }
    }

    @Test
    void lanesTakenEarlierDoNotChangeWhenMoreEventsAreFed() {
        // given
        List<Event> events = SampleRuns.startJoin(BASE).events();
        TraceFold fold = new TraceFold().feed(events.subList(0, 12));
        ProcessLanes early = fold.lanes();
        ProcessLanes copy = TraceFold.fold(events.subList(0, 12));

        // when
        fold.feed(events.subList(12, events.size()));

        // then
        assertThat(early).isEqualTo(copy);
        assertThat(early.eventCount()).isEqualTo(12);
        assertThat(fold.lanes()).isNotEqualTo(early);
    }

    @Test
    void catchingUpWithATraceFoldsOnlyItsNewEvents() {
        // given
        List<Event> events = SampleRuns.startJoin(BASE).events();
        Trace trace = new Trace(new RunInfo("r-1", "start-join", Map.of(), 1.0, BASE));
        TraceFold fold = new TraceFold();

        // when
        trace.append(events.subList(0, 5));
        fold.catchUp(trace);
        trace.append(events.subList(5, events.size()));
        fold.catchUp(trace);

        // then
        assertThat(fold.eventCount()).isEqualTo(events.size());
        assertThat(fold.lanes()).isEqualTo(TraceFold.fold(trace, trace.size()));
    }

    @Test
    void firstAndLastNanosSpanEveryStampIncludingBoots() {
        // given
        EventScript run = new EventScript(BASE)
                .started(-5, 10, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .exiting(20, MAIN, 0);

        // when
        ProcessLanes lanes = TraceFold.fold(run.events());

        // then
        assertThat(lanes.firstNanos()).isEqualTo(OptionalLong.of(run.t(-5)));
        assertThat(lanes.lastNanos()).isEqualTo(OptionalLong.of(run.t(20)));
    }

    @Test
    void repeatedStateReportsDoNotSplitASegment() {
        // given
        EventScript run = new EventScript(BASE)
                .started(0, 10, MAIN, EventScript.SUPERVISOR, "MainProcess", false, true)
                .running(10, MAIN)
                .sleeping(20, MAIN, "sleep 1.0 s")
                .running(30, MAIN)
                .running(31, MAIN)
                .exiting(40, MAIN, 0);

        // when
        ProcessLane main = TraceFold.fold(run.events()).lane(MAIN).orElseThrow();

        // then
        assertThat(main.segments())
                .extracting(StateSegment::state)
                .containsExactly(LaneState.STARTING, LaneState.RUNNING, LaneState.SLEEPING, LaneState.RUNNING);
        assertThat(main.segmentAt(run.t(25))).map(StateSegment::state).contains(LaneState.SLEEPING);
        assertThat(main.segmentAt(run.t(50))).isEmpty();
    }
}
