package dev.proclab.lesson;

import dev.proclab.lesson.CheckResult.EventRef;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one rule found in one run: whether it holds, the sentence that says so, and the events cited.
 * Also the small formatting helpers every rule's sentences share.
 */
record Evidence(boolean passed, Say sentence, List<EventRef> events) {

    private static final int QUOTE_LIMIT = 60;

    Evidence {
        List<EventRef> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(EventRef::nanos));
        events = List.copyOf(sorted);
    }

    static Evidence of(boolean passed, Say sentence, List<EventRef> events) {
        return new Evidence(passed, sentence, events);
    }

    static Evidence failed(Say sentence) {
        return new Evidence(false, sentence, List.of());
    }

    /** 3 as "3", 2.5 as "2.5", 3.14159 as "3.14": at most two decimals, no trailing zeros. */
    static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        BigDecimal rounded =
                BigDecimal.valueOf(d).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() <= 0 ? rounded.toBigInteger().toString() : rounded.toPlainString();
    }

    /** A duration or a time in seconds, always with two decimals: "0.41 s". */
    static String seconds(long nanos) {
        return BigDecimal.valueOf(nanos / 1e9).setScale(2, RoundingMode.HALF_UP).toPlainString() + " s";
    }

    /** A printed line or a pattern in single quotes, cut short when long. */
    static String quote(String text) {
        String t = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT - 1) + "…" : text;
        return "'" + t + "'";
    }

    /** Clauses joined by "; ", or the first {@code limit} of them and "and 3 more". */
    static String clauses(List<String> items, int limit) {
        return join(items, limit, "; ");
    }

    /** Names joined by ", ", or the first {@code limit} of them and "and 3 more". */
    static String names(List<String> items, int limit) {
        return join(items, limit, ", ");
    }

    private static String join(List<String> items, int limit, String separator) {
        if (items.size() > limit) {
            return String.join(separator, items.subList(0, limit)) + separator + "and " + (items.size() - limit)
                    + " more";
        }
        return String.join(separator, items);
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
