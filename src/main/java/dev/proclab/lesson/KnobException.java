package dev.proclab.lesson;

/**
 * A knob value that a lesson does not accept: an unknown knob, a value of the wrong type, out of range,
 * or not among the choices. The message is meant for the user as it is.
 */
public class KnobException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String knob;

    public KnobException(String knob, String message) {
        super(message);
        this.knob = knob;
    }

    /** The name of the knob the value was given for, as the user spelled it. */
    public String knob() {
        return knob;
    }
}
