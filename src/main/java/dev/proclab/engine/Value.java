package dev.proclab.engine;

/**
 * One number in shared memory, like Python's {@code multiprocessing.Value}: {@code new Value('i', 0)} for
 * an int, {@code new Value('d', 0.0)} for a double. Every process that gets this handle (as a process
 * argument) reads and writes the same memory. {@code v.set(v.intValue() + 1)} is a read, an add and a
 * write: from several processes at once it loses updates unless it runs under {@link #getLock()}, exactly
 * like Python's {@code v.value += 1}. Any thread of any process of the run may use it.
 */
public final class Value extends SharedMemory {
    private static final long serialVersionUID = 1L;

    /** A value with a lock, as Python's default {@code lock=True}. */
    public Value(char typecode, Number initial) {
        this(typecode, initial, true);
    }

    public Value(char typecode, Number initial, boolean lock) {
        super("Value", typecode, 1, lock);
        if (typecode == 'i') {
            set(initial.intValue());
        } else {
            set(initial.doubleValue());
        }
    }

    /** The current value of an {@code 'i'} Value. */
    public int intValue() {
        return readInt(0);
    }

    /** The current value, of either type, as a double. */
    public double doubleValue() {
        return readDouble(0);
    }

    /** Writes an {@code 'i'} Value. */
    public void set(int value) {
        writeInt(0, value);
    }

    /** Writes a {@code 'd'} Value. */
    public void set(double value) {
        writeDouble(0, value);
    }
}
