package dev.proclab.lesson;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a number measured in a run is compared with: {@code "== 0"}, {@code "<= ${tickets}"}, {@code "~
 * ${children}"}. Written in {@code lesson.yaml} as an operator followed by an expression over the knobs;
 * without an operator it means {@code ==}.
 *
 * @param op one of {@code == != < <= > >= ~}; {@code ~} means within {@code tolerance} of the value
 * @param value the expression, evaluated with the run's knob values
 * @param text the expression as written, quoted in evidence when it reads knobs
 * @param tolerance for {@code ~}: the largest allowed |measured / expected - 1|; 0 for the other operators
 */
public record Expectation(String op, KnobExpr value, String text, double tolerance) {

    /** The tolerance of {@code ~} when the check gives none. */
    public static final double DEFAULT_TOLERANCE = 0.25;

    public Expectation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** The expected value for these knob values. */
    public double expected(Map<String, String> knobs) {
        return value.number(knobs);
    }

    /** Whether {@code actual} meets the expectation, given the {@code expected} value. */
    public boolean holds(double actual, double expected) {
        double epsilon = 1e-9 * Math.max(1, Math.abs(expected));
        return switch (op) {
            case "==" -> Math.abs(actual - expected) <= epsilon;
            case "!=" -> Math.abs(actual - expected) > epsilon;
            case "<" -> actual < expected;
            case "<=" -> actual <= expected + epsilon;
            case ">" -> actual > expected;
            case ">=" -> actual >= expected - epsilon;
            case "~" ->
                expected == 0 ? Math.abs(actual) <= tolerance : Math.abs(actual / expected - 1) <= tolerance + epsilon;
            default -> throw new IllegalStateException("unknown operator " + op);
        };
    }

    /**
     * How {@code actual} stands against the expectation, in words: {@code "100 == 100 (${value})"}, {@code
     * "4 is not <= 3 (${tickets})"}, {@code "3.1 ~ 3 (${children}, within 25%)"}.
     */
    public String describe(double actual, double expected, String unit) {
        return said(actual, expected, unit).en();
    }

    /** {@link #describe} in English and Chinese. */
    Say said(double actual, double expected, String unit) {
        String sign = op.equals("~") ? "≈" : op;
        boolean holds = holds(actual, expected);
        String where = value.readsKnobs() ? text : "";
        String whereZh = where;
        if (op.equals("~")) {
            String pct = Evidence.number(tolerance * 100) + "%";
            where = where.isEmpty() ? "within " + pct : where + ", within " + pct;
            whereZh = whereZh.isEmpty() ? "误差 " + pct + " 以内" : whereZh + "，误差 " + pct + " 以内";
        }
        String a = Evidence.number(actual) + unit;
        String e = Evidence.number(expected) + unit;
        return Say.of(
                a + " " + (holds ? sign : "is not " + sign) + " " + e + (where.isEmpty() ? "" : " (" + where + ")"),
                a + " " + (holds ? sign : "不满足 " + sign) + " " + e + (whereZh.isEmpty() ? "" : "（" + whereZh + "）"));
    }

    @Override
    public String toString() {
        return (op.equals("~") ? "~ " : op + " ")
                + text
                + (op.equals("~") ? String.format(Locale.ROOT, " ±%s%%", Evidence.number(tolerance * 100)) : "");
    }
}
