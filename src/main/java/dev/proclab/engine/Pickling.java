package dev.proclab.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;

/** Turns the objects that pipes and managers carry into bytes and back, as Python pickles them. */
final class Pickling {
    private Pickling() {}

    /**
     * The bytes of {@code o}.
     *
     * @throws IllegalArgumentException naming {@code what} when {@code o} cannot be serialised
     */
    static byte[] dump(Object o, String what) {
        var bytes = new ByteArrayOutputStream(128);
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "a " + (o == null ? "null" : o.getClass().getName()) + " cannot be " + what
                            + ": it is not Serializable (" + e.getMessage() + ")",
                    e);
        }
        return bytes.toByteArray();
    }

    /** The object whose bytes are {@code data}; {@code what} names it in the error. */
    static Object load(byte[] data, String what) {
        try (var in = new ObjectInputStream(new ByteArrayInputStream(data))) {
            return in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(what + " could not be read back: " + e, e);
        }
    }

    /** A short text of {@code o} for the timeline: its {@code toString()}, or of each element of an array. */
    static String preview(Object o) {
        if (o instanceof Object[] array) {
            return java.util.Arrays.deepToString(array);
        }
        if (o instanceof byte[] b) {
            return "b[" + b.length + " bytes]";
        }
        return String.valueOf(o);
    }
}
