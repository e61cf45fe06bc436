package dev.proclab.lesson;

import java.util.Locale;

/** The kind of value a {@link Knob} holds; spelled in lower case in {@code lesson.yaml}. */
public enum KnobType {
    INT,
    DOUBLE,
    BOOLEAN,
    CHOICE,
    STRING;

    /** The spelling used in {@code lesson.yaml} and in messages. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code min} and {@code max} make sense for this type. */
    public boolean isNumeric() {
        return this == INT || this == DOUBLE;
    }
}
