package dev.proclab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchTest {

    @Test
    void everySearchAgreesWithAPlainScan() {
        // given sorted stamps with repeats
        Random random = new Random(7);
        int n = 2_000;
        long[] sorted = new long[n];
        for (int i = 1; i < n; i++) {
            sorted[i] = sorted[i - 1] + random.nextInt(5);
        }

        for (int trial = 0; trial < 20_000; trial++) {
            long t = random.nextInt((int) sorted[n - 1] + 20) - 10;
            int expected = -1;
            for (int i = 0; i < n; i++) {
                if (sorted[i] <= t) {
                    expected = i;
                }
            }
            int hint = random.nextInt(n);
            int guess = hint + random.nextInt(300);

            // when / then
            assertThat(Search.lastAtOrBefore(sorted, n, t)).isEqualTo(expected);
            assertThat(Search.lastAtOrBeforeFrom(sorted, n, hint, t)).isEqualTo(expected);
            if (sorted[hint] <= t) {
                assertThat(Search.lastAtOrBeforeNear(sorted, n, hint, guess, t)).isEqualTo(expected);
            }
            assertThat(Search.firstAtOrAfter(sorted, 0, n, t))
                    .isEqualTo(
                            expected == -1 || sorted[expected] < t
                                    ? expected + 1
                                    : firstIndexOf(sorted, sorted[expected]));
        }
    }

    private static int firstIndexOf(long[] sorted, long value) {
        int i = 0;
        while (sorted[i] != value) {
            i++;
        }
        return i;
    }
}
