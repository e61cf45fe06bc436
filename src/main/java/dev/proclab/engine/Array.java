package dev.proclab.engine;

/**
 * A fixed-size array of numbers in shared memory, like Python's {@code multiprocessing.Array}:
 * {@code new Array('i', 10)} (zeros) or {@code Array.of('d', 1.5, 2.5)}. Every process that gets this
 * handle reads and writes the same memory; element operations are not atomic, so concurrent
 * read-modify-writes need {@link #getLock()}. Any thread of any process of the run may use it.
 */
public final class Array extends SharedMemory {
    private static final long serialVersionUID = 1L;

    /** {@code size} zeros, with a lock. */
    public Array(char typecode, int size) {
        this(typecode, size, true);
    }

    public Array(char typecode, int size, boolean lock) {
        super("Array", typecode, size, lock);
    }

    /** An array holding {@code values}, with a lock. */
    public static Array of(char typecode, Number... values) {
        Array a = new Array(typecode, values.length);
        for (int i = 0; i < values.length; i++) {
            if (typecode == 'i') {
                a.set(i, values[i].intValue());
            } else {
                a.set(i, values[i].doubleValue());
            }
        }
        return a;
    }

    public int length() {
        return size();
    }

    public int getInt(int index) {
        return readInt(index);
    }

    public double getDouble(int index) {
        return readDouble(index);
    }

    public void set(int index, int value) {
        writeInt(index, value);
    }

    public void set(int index, double value) {
        writeDouble(index, value);
    }
}
