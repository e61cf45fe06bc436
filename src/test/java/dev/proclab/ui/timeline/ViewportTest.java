package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {

    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long BASE = 7_000 * S;

    private static Viewport viewport(double width, long from, long to) {
        Viewport vp = new Viewport();
        vp.setWidth(width);
        vp.setBounds(BASE, BASE + 10 * S);
        vp.show(from, to);
        return vp;
    }

    @Test
    void nanosAndPixelsConvertBothWays() {
        // given 1 s across 1000 px: 1 ms a pixel
        Viewport vp = viewport(1000, BASE, BASE + S);

        // then
        assertThat(vp.nanosPerPixel()).isEqualTo(1_000_000.0);
        assertThat(vp.toX(BASE)).isEqualTo(0.0);
        assertThat(vp.toX(BASE + 250 * MS)).isEqualTo(250.0);
        assertThat(vp.toNanos(250)).isEqualTo(BASE + 250 * MS);
        assertThat(vp.toNanos(vp.toX(BASE + 123_456_789L))).isEqualTo(BASE + 123_456_789L);
        assertThat(vp.end()).isEqualTo(BASE + S);
    }

    @Test
    void zoomingKeepsTheTimeUnderThePointerInPlace() {
        // given
        Viewport vp = viewport(1000, BASE, BASE + 4 * S);
        long underPointer = vp.toNanos(300);

        // when
        vp.zoomAround(300, 2);

        // then
        assertThat(vp.spanNanos()).isEqualTo(2 * S);
        assertThat(vp.toNanos(300)).isCloseTo(underPointer, within(1L));

        // and back out
        vp.zoomAround(300, 0.5);
        assertThat(vp.spanNanos()).isEqualTo(4 * S);
        assertThat(vp.toNanos(300)).isCloseTo(underPointer, within(1L));
    }

    @Test
    void zoomStopsAtTenNanosecondsAPixelAndAtFourRunLengths() {
        // given
        Viewport vp = viewport(1000, BASE, BASE + S);

        // when
        vp.zoomAround(500, 1e12);

        // then
        assertThat(vp.nanosPerPixel()).isEqualTo(Viewport.MIN_NANOS_PER_PIXEL);

        // when
        vp.zoomAround(500, 1e-12);

        // then the run of 10 s is shown at most 40 s wide
        assertThat(vp.spanNanos()).isEqualTo(40 * S);
        assertThatThrownBy(() -> vp.zoomAround(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void panningStopsWhenOnlyHalfTheViewStillShowsTheRun() {
        // given 1 s wide over a 10 s run
        Viewport vp = viewport(1000, BASE + S, BASE + 2 * S);

        // when dragged far to the right (showing earlier times)
        vp.panPixels(1_000_000);

        // then
        assertThat(vp.start()).isEqualTo(BASE - S / 2);

        // when dragged far to the left
        vp.panPixels(-1_000_000);

        // then
        assertThat(vp.end()).isEqualTo(BASE + 10 * S + S / 2);
    }

    @Test
    void scrollByMovesAShareOfTheWidth() {
        // given
        Viewport vp = viewport(1000, BASE + S, BASE + 3 * S);

        // when
        vp.scrollBy(0.25);

        // then
        assertThat(vp.start()).isEqualTo(BASE + S + S / 2);
        assertThat(vp.spanNanos()).isEqualTo(2 * S);
    }

    @Test
    void fitShowsTheWholeRunWithRoomAfterItsEnd() {
        // given
        Viewport vp = viewport(1000, BASE, BASE + S);
        vp.setEndRoom(100);

        // when
        vp.fit();

        // then the run starts just inside the left edge and ends 100 px before the right
        assertThat(vp.toX(BASE)).isBetween(1.0, 30.0);
        assertThat(vp.toX(BASE + 10 * S)).isCloseTo(900.0, within(0.5));
    }

    @Test
    void fitShowsAVeryShortRunAtLeastTenMillisecondsWide() {
        // given
        Viewport vp = new Viewport();
        vp.setWidth(1000);
        vp.setBounds(BASE, BASE + 1000);

        // when
        vp.fit();

        // then
        assertThat(vp.spanNanos()).isGreaterThanOrEqualTo(Viewport.MIN_FIT_SPAN);
    }

    @Test
    void followingALiveRunGrowsFromTheLeftThenSlides() {
        // given a view 5 s wide at the start of a run
        Viewport vp = new Viewport();
        vp.setWidth(1000);
        vp.setBounds(BASE, BASE + 100 * MS);
        vp.show(BASE, BASE + 5 * S);
        long start = vp.start();

        // when the run is 2 s old
        vp.setBounds(BASE, BASE + 2 * S);
        vp.followLive(BASE + 2 * S);

        // then the run's start stays at the left
        assertThat(vp.toX(BASE)).isCloseTo(1000 * Viewport.FIT_MARGIN, within(0.5));
        long grownStart = vp.start();

        // when the run is 20 s old
        vp.setBounds(BASE, BASE + 20 * S);
        vp.followLive(BASE + 20 * S);

        // then the live edge is near the right edge and the zoom is unchanged
        assertThat(vp.toX(BASE + 20 * S)).isCloseTo(1000 * (1 - Viewport.LIVE_MARGIN), within(1.0));
        assertThat(vp.spanNanos()).isEqualTo(5 * S);
        assertThat(grownStart).isEqualTo(vp.boundsStart() - Math.round(5 * S * Viewport.FIT_MARGIN));
        assertThat(start).isEqualTo(BASE);
    }

    @Test
    void verticalScrollStaysWithinTheContent() {
        // given
        Viewport vp = new Viewport();
        vp.setVertical(1000, 300);

        // when
        vp.scrollYBy(5000);

        // then
        assertThat(vp.scrollY()).isEqualTo(700.0);

        // when
        vp.scrollYBy(-5000);

        // then
        assertThat(vp.scrollY()).isZero();

        // when the content fits
        vp.setVertical(200, 300);
        vp.scrollYBy(50);

        // then
        assertThat(vp.scrollY()).isZero();
    }

    @Test
    void revisionChangesOnlyWhenTheViewMoves() {
        // given
        Viewport vp = viewport(1000, BASE, BASE + S);
        long before = vp.revision();

        // when nothing changes
        vp.setWidth(1000);
        vp.show(BASE, BASE + S);
        vp.scrollYBy(0);

        // then
        assertThat(vp.revision()).isEqualTo(before);

        // when it moves
        vp.scrollBy(0.1);

        // then
        assertThat(vp.revision()).isGreaterThan(before);
    }
}
