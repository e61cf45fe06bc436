package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanWalkerTest {

    /** Back-to-back spans of equal length, alternating between two keys. */
    private static SpanWalker.Spans evenSpans(int n, long length) {
        return new SpanWalker.Spans() {
            @Override
            public int size() {
                return n;
            }

            @Override
            public long start(int i) {
                return i * length;
            }

            @Override
            public long end(int i) {
                return (i + 1) * length;
            }

            @Override
            public int lastStartingAtOrBefore(long t) {
                return t < 0 ? -1 : (int) Math.min(n - 1, t / length);
            }

            @Override
            public int key(int i) {
                return (i / 1000) % 2;
            }
        };
    }

    private record Call(String kind, int index, double x0, double x1) {}

    private static List<Call> walk(SpanWalker.Spans spans, Viewport vp, double width) {
        List<Call> calls = new ArrayList<>();
        SpanWalker.walk(spans, vp, 0, width, new SpanWalker.Sink() {
            @Override
            public void wide(int i, double x0, double x1) {
                calls.add(new Call("wide", i, x0, x1));
            }

            @Override
            public void dense(int sample, int key, double x0, double x1) {
                calls.add(new Call("dense", sample, x0, x1));
            }
        });
        return calls;
    }

    private static Viewport viewport(double width, long from, long to) {
        Viewport vp = new Viewport();
        vp.setWidth(width);
        vp.setBounds(from, to);
        vp.show(from, to);
        return vp;
    }

    @Test
    void spansAPixelWideOrMoreAreHandedOverWhole() {
        // given 10 spans of 100 µs over 1000 px: 100 px each
        Viewport vp = viewport(1000, 0, 1_000_000);

        // when
        List<Call> calls = walk(evenSpans(10, 100_000), vp, 1000);

        // then
        assertThat(calls).hasSize(10).allMatch(c -> c.kind().equals("wide"));
        assertThat(calls.get(3)).isEqualTo(new Call("wide", 3, 300, 400));
    }

    @Test
    void onlyTheSpansInViewAreVisited() {
        // given a million spans, the view showing spans 500 000 to 500 009
        Viewport vp = viewport(1000, 0, 1_000_000);
        vp.setBounds(0, 100_000_000_000L);
        vp.show(50_000_000_000L, 50_001_000_000L);

        // when
        List<Call> calls = walk(evenSpans(1_000_000, 100_000), vp, 1000);

        // then: those, and the two touching the pixel of margin either side
        assertThat(calls)
                .extracting(Call::index)
                .containsExactly(
                        499_999, 500_000, 500_001, 500_002, 500_003, 500_004, 500_005, 500_006, 500_007, 500_008,
                        500_009, 500_010);
    }

    @Test
    void narrowSpansAreMergedIntoRunsAndTheCostFollowsThePixels() {
        // given ten million spans of 1 µs shown over 1000 px: 10 000 spans a pixel
        int n = 10_000_000;
        Viewport vp = viewport(1000, 0, n * 1_000L);
        List<Call> calls = new ArrayList<>();

        // when
        int steps = SpanWalker.walk(evenSpans(n, 1_000), vp, 0, 1000, new SpanWalker.Sink() {
            @Override
            public void wide(int i, double x0, double x1) {
                calls.add(new Call("wide", i, x0, x1));
            }

            @Override
            public void dense(int sample, int key, double x0, double x1) {
                calls.add(new Call("dense", sample, x0, x1));
            }
        });

        // then: about one step a pixel, and neighbouring pixels that look alike become one run
        assertThat(steps).isLessThanOrEqualTo(2 * 1000 + 4);
        assertThat(calls).allMatch(c -> c.kind().equals("dense"));
        // keys change every 1000 spans = every 0.1 px, so samples alternate... but within a pixel the
        // middle decides; pixels alternate key only when the middle lands in the other half.
        assertThat(calls.size()).isLessThanOrEqualTo(1001);
        double covered = calls.stream().mapToDouble(c -> c.x1() - c.x0()).sum();
        assertThat(covered).isBetween(999.0, 1002.0);
    }

    @Test
    void runsOfTheSameKeyBecomeOneCall() {
        // given spans 0.5 px wide whose key changes every 1000 spans (every 500 px)
        int n = 4000;
        Viewport vp = viewport(2000, 0, n * 100L);

        // when
        List<Call> calls = walk(evenSpans(n, 100), vp, 2000);

        // then: four runs of 500 px, alternating keys
        assertThat(calls).extracting(Call::kind).containsOnly("dense");
        assertThat(calls).hasSize(4);
        assertThat(calls.get(0).x1() - calls.get(0).x0()).isEqualTo(500.0);
    }

    @Test
    void spansNarrowerThanTheThresholdAreSummarisedWithoutLeavingAGap() {
        // given 400 spans 2.5 px wide, and whole spans only from 3 px up
        Viewport vp = viewport(1000, 0, 400 * 250_000L);
        List<Call> calls = new ArrayList<>();

        // when
        SpanWalker.walk(evenSpans(400, 250_000), vp, 0, 1000, 3, new SpanWalker.Sink() {
            @Override
            public void wide(int i, double x0, double x1) {
                calls.add(new Call("wide", i, x0, x1));
            }

            @Override
            public void dense(int sample, int key, double x0, double x1) {
                calls.add(new Call("dense", sample, x0, x1));
            }
        });

        // then every column from 0 to 1000 is covered exactly once, by runs that join up
        assertThat(calls).extracting(Call::kind).containsOnly("dense");
        double x = 0;
        for (Call call : calls) {
            assertThat(call.x0()).isEqualTo(x);
            x = call.x1();
        }
        assertThat(x).isBetween(1000.0, 1001.0);
    }

    @Test
    void nothingIsVisitedWhenThereAreNoSpans() {
        assertThat(walk(evenSpans(0, 100), viewport(100, 0, 100), 100)).isEmpty();
    }
}
