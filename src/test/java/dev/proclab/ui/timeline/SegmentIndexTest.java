package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.trace.LaneState;
import dev.proclab.trace.StateSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SegmentIndexTest {

    private static final LaneState[] STATES = LaneState.values();

    /** Back-to-back segments of random states and lengths; the last one open when asked. */
    private static List<StateSegment> lane(int n, long seed, boolean open) {
        Random random = new Random(seed);
        List<StateSegment> lane = new ArrayList<>();
        long t = 1_000;
        for (int i = 0; i < n; i++) {
            long length = 1 + random.nextInt(100);
            long end = open && i == n - 1 ? StateSegment.OPEN : t + length;
            lane.add(new StateSegment(STATES[random.nextInt(STATES.length)], t, end, "", -1, 0));
            t += length;
        }
        return lane;
    }

    private static long scanTimeIn(List<StateSegment> lane, LaneState state, long t, long now) {
        long time = 0;
        for (StateSegment s : lane) {
            if (s.state() == state && s.startNanos() < t) {
                time += Math.min(t, s.endOr(now)) - s.startNanos();
            }
        }
        return time;
    }

    @Test
    void timeInEachStateMatchesAPlainSumAtAnyInstantAndInAnyOrder() {
        // given
        List<StateSegment> lane = lane(1_000, 3, true);
        SegmentIndex index = new SegmentIndex();
        index.update(lane);
        long now = lane.get(999).startNanos() + 40;
        Random random = new Random(5);

        for (int trial = 0; trial < 3_000; trial++) {
            long t = 900 + random.nextInt(60_000);
            LaneState state = STATES[random.nextInt(STATES.length)];

            // when / then
            assertThat(index.timeIn(state, t, now)).as("t=%d %s", t, state).isEqualTo(scanTimeIn(lane, state, t, now));
        }
    }

    @Test
    void growingTheLaneStepByStepGivesTheSameIndexAsBuildingItAtOnce() {
        // given
        List<StateSegment> full = lane(300, 9, false);
        SegmentIndex grown = new SegmentIndex();

        // when the lane grows one segment at a time, its last one open until the next arrives
        for (int n = 1; n <= full.size(); n++) {
            List<StateSegment> prefix = new ArrayList<>(full.subList(0, n));
            StateSegment last = prefix.get(n - 1);
            prefix.set(n - 1, new StateSegment(last.state(), last.startNanos(), StateSegment.OPEN, "", -1, 0));
            grown.update(prefix);
        }
        grown.update(full);

        // then
        SegmentIndex built = new SegmentIndex();
        built.update(full);
        for (long t = 900; t < 20_000; t += 37) {
            for (LaneState state : STATES) {
                assertThat(grown.timeIn(state, t, 0)).isEqualTo(built.timeIn(state, t, 0));
            }
            assertThat(grown.indexAt(t, 0)).isEqualTo(built.indexAt(t, 0));
        }
    }

    @Test
    void aCrowdedColumnIsSummarisedByTheStateItSpentMostTimeIn() {
        // given 96 segments of 10 ns: 48 RUNNING, then 48 SLEEPING
        List<StateSegment> lane = new ArrayList<>();
        for (int i = 0; i < 96; i++) {
            LaneState state = i < 48 ? LaneState.RUNNING : LaneState.SLEEPING;
            lane.add(new StateSegment(state, i * 10L, i * 10L + 10, "", -1, 0));
        }
        SegmentIndex index = new SegmentIndex();
        index.update(lane);

        // when / then
        assertThat(index.column(0, 640, 0, 2)).isEqualTo(LaneState.RUNNING.ordinal());
        assertThat(index.column(600, 960, 0, 2)).isEqualTo(LaneState.SLEEPING.ordinal());
        assertThat(index.column(0, 15, 0, 2)).isEqualTo(SpanWalker.NO_SUMMARY);
        assertThat(index.dominant(0, 640, 0)).isEqualTo(LaneState.RUNNING);
        assertThat(index.dominant(475, 500, 0)).isEqualTo(LaneState.SLEEPING);
        assertThat(index.dominant(-100, -10, 0)).isNull();
    }

    @Test
    void narrowColumnsScannedLeftToRightAgreeWithTheDirectSum() {
        // given a lane of 5 000 random segments, the last one open
        java.util.Random random = new java.util.Random(7);
        List<StateSegment> lane = new ArrayList<>();
        long t = 1_000;
        LaneState[] states = LaneState.values();
        for (int i = 0; i < 5_000; i++) {
            long length = 1 + random.nextInt(i % 100 < 50 ? 5 : 400);
            boolean last = i == 4_999;
            lane.add(new StateSegment(
                    states[random.nextInt(states.length)], t, last ? StateSegment.OPEN : t + length, "", -1, 0));
            t += length;
        }
        SegmentIndex index = new SegmentIndex();
        index.update(lane);
        long now = t + 500;

        // when walking columns narrow enough to be summed exactly (at most 9 segments, fewer than 3 blocks),
        // neighbouring and with jumps, before, across and after the lane
        for (long width : new long[] {1, 3, 9}) {
            long from = 0;
            while (from < now + 2_000) {
                long to = from + width;
                LaneState expected = index.dominant(from, to, now);
                // then the scan gives the state the direct sum gives, for every column
                assertThat(index.column(from, to, now, 0))
                        .as("column %d..%d", from, to)
                        .isEqualTo(expected == null ? -1 : expected.ordinal());
                from = random.nextInt(10) == 0 ? to + random.nextInt(300) : to;
            }
        }
    }
}
