package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeAxisTest {

    @Test
    void tickStepIsTheSmallestOneTwoOrFiveTimesAPowerOfTenThatLeavesRoom() {
        // 1 ms a pixel, 90 px apart → at least 90 ms → 100 ms
        assertThat(TimeAxis.step(1_000_000, 90)).isEqualTo(100_000_000L);
        // 3 ms a pixel → at least 270 ms → 500 ms
        assertThat(TimeAxis.step(3_000_000, 90)).isEqualTo(500_000_000L);
        // 12 ms a pixel → at least 1.08 s → 2 s
        assertThat(TimeAxis.step(12_000_000, 90)).isEqualTo(2_000_000_000L);
        // 10 ns a pixel → at least 900 ns → 1 µs
        assertThat(TimeAxis.step(10, 90)).isEqualTo(1_000L);
    }

    @Test
    void ticksFallOnMultiplesOfTheStepCountedFromTheRunsStart() {
        long origin = 1_234_567_891L;
        long step = 500_000_000L;

        assertThat(TimeAxis.firstTick(origin, origin, step)).isEqualTo(origin);
        assertThat(TimeAxis.firstTick(origin + 1, origin, step)).isEqualTo(origin + step);
        assertThat(TimeAxis.firstTick(origin - step - 1, origin, step)).isEqualTo(origin - step);
    }

    @Test
    void tickLabelsUseTheUnitAndDecimalsTheStepNeeds() {
        assertThat(TimeAxis.tickLabel(0, 1_000_000_000L)).isEqualTo("0 s");
        assertThat(TimeAxis.tickLabel(1_500_000_000L, 500_000_000L)).isEqualTo("1.5 s");
        assertThat(TimeAxis.tickLabel(1_200_000_000L, 200_000_000L)).isEqualTo("1.2 s");
        assertThat(TimeAxis.tickLabel(250_000_000L, 50_000_000L)).isEqualTo("250 ms");
        assertThat(TimeAxis.tickLabel(1_250_000L, 250_000L)).isEqualTo("1.25 ms");
        assertThat(TimeAxis.tickLabel(-500_000_000L, 500_000_000L)).isEqualTo("-0.5 s");
        assertThat(TimeAxis.tickLabel(3_000L, 1_000L)).isEqualTo("3 µs");
    }

    @Test
    void timesReadNaturallyAtEveryScale() {
        assertThat(TimeAxis.format(1_234_567_890L)).isEqualTo("1.235 s");
        assertThat(TimeAxis.format(12_345_678L)).isEqualTo("12.3 ms");
        assertThat(TimeAxis.format(1_234_567L)).isEqualTo("1.23 ms");
        assertThat(TimeAxis.format(850_000L)).isEqualTo("850 µs");
        assertThat(TimeAxis.format(42L)).isEqualTo("42 ns");
        assertThat(TimeAxis.format(-2_000_000_000L)).isEqualTo("-2.000 s");
        assertThat(TimeAxis.formatShort(1_217_000_000L)).isEqualTo("1.22 s");
        assertThat(TimeAxis.formatShort(150_000_000L)).isEqualTo("150 ms");
        assertThat(TimeAxis.formatShort(4_500_000L)).isEqualTo("4.5 ms");
    }
}
