package dev.proclab.ui.timeline;

import static dev.proclab.ui.timeline.TimelineFixtures.CHILD_1;
import static dev.proclab.ui.timeline.TimelineFixtures.CHILD_2;
import static dev.proclab.ui.timeline.TimelineFixtures.MAIN;
import static dev.proclab.ui.timeline.TimelineFixtures.WATCHER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.event.Event;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.StateSegment;
import dev.proclab.trace.Trace;
import dev.proclab.trace.TraceFold;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineModelTest {

    @Test
    void lanesComeInTreeOrderWithTheirDepth() {
        // given
        TimelineModel model = new TimelineModel();
        model.reset(TimelineFixtures.startJoin());

        // when
        model.pull(Integer.MAX_VALUE);

        // then
        assertThat(model.lanes()).extracting(l -> l.pid).containsExactly(MAIN, CHILD_1, CHILD_2, WATCHER);
        assertThat(model.lanes()).extracting(l -> l.depth).containsExactly(0, 1, 1, 1);
        assertThat(model.ended()).isTrue();
        assertThat(model.caughtUp()).isTrue();
        assertThat(model.origin()).isEqualTo(Events.BASE);
        assertThat(model.liveEdge(System.nanoTime())).isEqualTo(Events.t(3010));
    }

    @Test
    void aBudgetSpreadsABigTraceOverFramesAndEndsWithTheSameLanes() {
        // given
        Trace trace = TimelineFixtures.lockAndQueue();
        TimelineModel model = new TimelineModel();
        model.reset(trace);

        // when fed five events a frame
        int frames = 0;
        while (model.pull(5)) {
            frames++;
        }

        // then
        assertThat(frames).isEqualTo((trace.size() + 4) / 5);
        assertThat(model.eventCount()).isEqualTo(trace.size());
        assertThat(model.locks()).hasSize(1);
        assertThat(model.queues()).hasSize(1);
        var expected = TraceFold.fold(trace.snapshot());
        for (TimelineModel.Lane lane : model.lanes()) {
            List<StateSegment> segments = expected.lane(lane.pid).orElseThrow().segments();
            assertThat(lane.segments.size()).isEqualTo(segments.size());
            for (int i = 0; i < segments.size(); i++) {
                assertThat(lane.segments.get(i)).isEqualTo(segments.get(i));
                assertThat(lane.segments.start(i)).isEqualTo(segments.get(i).startNanos());
            }
        }
    }

    @Test
    void aLiveTraceIsFollowedEventByEvent() {
        // given a trace that grows one event at a time, as a run's collector would append it
        List<Event> all = TimelineFixtures.startJoinEvents().inTimeOrder();
        Trace live = new Trace(Events.info("start-join"));
        TimelineModel model = new TimelineModel();
        model.reset(live);

        for (Event event : all) {
            // when
            live.append(List.of(event));
            assertThat(model.pull(1000)).isTrue();

            // then the segment index always matches the fold's lanes
            for (TimelineModel.Lane lane : model.lanes()) {
                assertThat(lane.segments.size()).isEqualTo(lane.lane.segments().size());
                for (int i = 0; i < lane.segments.size(); i++) {
                    assertThat(lane.segments.get(i))
                            .isEqualTo(lane.lane.segments().get(i));
                }
            }
        }
        assertThat(model.pull(1000)).isFalse();
        TimelineModel.Lane child = model.lane(CHILD_1);
        assertThat(child.segments.get(0).state()).isEqualTo(LaneState.STARTING);
        assertThat(child.segments.indexAt(Events.t(1500), Long.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    void whileARunIsLiveTheLiveEdgeFollowsTheClock() {
        // given a live trace that started just now on this JVM's clock
        long now = System.nanoTime();
        Trace live = new Trace(new dev.proclab.trace.RunInfo("r", "x", java.util.Map.of(), 1.0, now - 1_000_000));
        live.append(List.of(new dev.proclab.engine.event.Spawned(0, now - 500_000, 1, 2, "MainProcess", false, 0)));
        TimelineModel model = new TimelineModel();
        model.reset(live);
        model.pull(100);

        // when
        long later = now + 2_000_000_000L;

        // then
        assertThat(model.liveEdge(later)).isEqualTo(later);
        assertThat(model.liveEdge(now - 10_000_000)).isEqualTo(now - 500_000);
    }
}
