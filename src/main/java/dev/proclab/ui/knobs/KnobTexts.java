package dev.proclab.ui.knobs;

import dev.proclab.lesson.Knob;
import dev.proclab.lesson.KnobType;
import dev.proclab.ui.I18n;
import java.util.Objects;

/** What the sheet says about a knob, in the app's language (the lesson layer speaks English only). */
final class KnobTexts {
    private KnobTexts() {}

    /** "a whole number from 1 to 8", "one of: after, inside, never", ... */
    static String allowed(Knob knob, I18n i18n) {
        String kind = knob.type() == KnobType.INT ? "int" : "double";
        return switch (knob.type()) {
            case INT, DOUBLE -> {
                if (knob.min().isPresent() && knob.max().isPresent()) {
                    yield i18n.get(
                            "knob.allowed." + kind + ".range",
                            number(knob.min().getAsDouble()),
                            number(knob.max().getAsDouble()));
                } else if (knob.min().isPresent()) {
                    yield i18n.get(
                            "knob.allowed." + kind + ".min", number(knob.min().getAsDouble()));
                } else if (knob.max().isPresent()) {
                    yield i18n.get(
                            "knob.allowed." + kind + ".max", number(knob.max().getAsDouble()));
                }
                yield i18n.get("knob.allowed." + kind);
            }
            case BOOLEAN -> i18n.get("knob.allowed.boolean");
            case CHOICE -> i18n.get("knob.allowed.choice", String.join(", ", knob.choices()));
            case STRING -> i18n.get("knob.allowed.string");
        };
    }

    /** The sentence shown under the sheet for a knob whose value is not allowed. */
    static String problem(KnobsViewModel.Field field, I18n i18n) {
        Knob knob = field.knob();
        return i18n.get(
                "knob.invalid",
                knob.label().in(i18n.language()),
                Objects.requireNonNullElse(field.valueProperty().get(), "").strip(),
                allowed(knob, i18n));
    }

    /** The tooltip: the help text and the allowed values. */
    static String description(Knob knob, I18n i18n) {
        String help = knob.help().in(i18n.language());
        String allowed = i18n.get("knob.allowed", allowed(knob, i18n));
        return help.isEmpty() ? allowed : help + "\n" + allowed;
    }

    /** 3.0 as "3", 0.5 as "0.5": the way a lesson author wrote the bounds. */
    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
