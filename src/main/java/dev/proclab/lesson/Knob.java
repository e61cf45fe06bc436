package dev.proclab.lesson;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * A value of a lesson's program that the user may turn before a run, read by the program through
 * {@code Multiprocessing.knob(name, default)}.
 *
 * <p>Values travel as text, exactly as the program will parse them. {@link #validate(String)} checks one
 * and returns it in its canonical spelling.
 *
 * @param name the name the program asks for
 * @param type what kind of value it holds
 * @param defaultValue the value used when the user sets none, already valid
 * @param min the smallest allowed value, for {@code int} and {@code double} knobs only
 * @param max the largest allowed value, for {@code int} and {@code double} knobs only
 * @param choices the allowed values of a {@code choice} knob, in display order; empty for other types
 * @param label a short label for a form (the name when the lesson gives none)
 * @param help one or two sentences on what turning the knob shows; may be empty
 */
public record Knob(
        String name,
        KnobType type,
        String defaultValue,
        OptionalDouble min,
        OptionalDouble max,
        List<String> choices,
        LocalizedText label,
        LocalizedText help) {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    // Double.parseDouble also takes "1d", "0x1p3" and "NaN", which no student means as a number.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    public Knob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        choices = List.copyOf(choices);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(help, "help");
    }

    /**
     * Checks a value for this knob.
     *
     * @return the value in its canonical spelling: trimmed (except for string knobs, kept as given), an int
     *     without a plus sign or leading zeros, a boolean in lower case
     * @throws KnobException when the value has the wrong type, is out of range or is not one of the choices
     */
    public String validate(String value) {
        Objects.requireNonNull(value, "value");
        String text = value.strip();
        return switch (type) {
            case INT -> checkRange(parseInt(text), text);
            case DOUBLE -> checkRange(parseDouble(text), text);
            case BOOLEAN -> parseBoolean(text);
            case CHOICE -> checkChoice(text);
            case STRING -> value;
        };
    }

    /** A one-line description of the allowed values, such as "a whole number from 1 to 8". */
    public String describeAllowed() {
        return switch (type) {
            case INT -> "a whole number" + describeRange();
            case DOUBLE -> "a number" + describeRange();
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + String.join(", ", choices);
            case STRING -> "any text";
        };
    }

    private double parseInt(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException tooBig) {
                // falls through to the message below
            }
        }
        throw wrong(text);
    }

    private double parseDouble(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw wrong(text);
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw wrong(text);
        }
        return d;
    }

    private String parseBoolean(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.equals("true") || lower.equals("false")) {
            return lower;
        }
        throw wrong(text);
    }

    private String checkChoice(String text) {
        if (choices.contains(text)) {
            return text;
        }
        throw wrong(text);
    }

    private String checkRange(double number, String text) {
        boolean below = min.isPresent() && number < min.getAsDouble();
        boolean above = max.isPresent() && number > max.getAsDouble();
        if (below || above) {
            throw new KnobException(name, "knob '" + name + "' must be " + describeAllowed() + ", not " + text);
        }
        return type == KnobType.INT ? Integer.toString((int) number) : text;
    }

    private KnobException wrong(String text) {
        return new KnobException(name, "knob '" + name + "' must be " + describeAllowed() + ", not '" + text + "'");
    }

    private String describeRange() {
        if (min.isPresent() && max.isPresent()) {
            return " from " + format(min.getAsDouble()) + " to " + format(max.getAsDouble());
        } else if (min.isPresent()) {
            return " of at least " + format(min.getAsDouble());
        } else if (max.isPresent()) {
            return " of at most " + format(max.getAsDouble());
        }
        return "";
    }

    /** Prints 3.0 as "3" and 0.5 as "0.5", the way a lesson author wrote them. */
    static String format(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
