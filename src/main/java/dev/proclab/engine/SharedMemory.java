package dev.proclab.engine;

import dev.proclab.engine.event.SharedWrite;
import dev.proclab.engine.internal.ChildRuntime;
import dev.proclab.engine.internal.Ipc;
import dev.proclab.engine.internal.IpcClient;
import dev.proclab.engine.internal.SourceLine;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Real shared memory for {@link Value} and {@link Array}: a file in the run's private folder, mapped into
 * every process that uses it, so a write by one process is seen by the others and an unguarded
 * read-add-write from several processes really loses updates. Reads and writes are plain memory accesses
 * with no lock of their own; {@link #getLock()} gives the lock that guards the object when it was made
 * with one.
 */
abstract sealed class SharedMemory implements Serializable permits Value, Array {
    private static final long serialVersionUID = 1L;
    private static final long SAMPLE_NANOS = 1_000_000;

    private final int id;
    private final String name;
    private final char typecode;
    private final int length;
    private final String file;
    private final Lock lock;

    private transient MappedByteBuffer buffer;
    private transient long lastReport;
    private transient int skipped;

    SharedMemory(String kind, char typecode, int length, boolean withLock) {
        if (typecode != 'i' && typecode != 'd') {
            throw new IllegalArgumentException("typecode must be 'i' (int) or 'd' (double), not '" + typecode + "'");
        }
        if (length < 1) {
            throw new IllegalArgumentException("a shared " + kind + " needs at least one element, not " + length);
        }
        Ipc.Reply r = IpcClient.check(IpcClient.call(Ipc.CREATE, 0, length, 0, kind, null));
        this.id = (int) r.value();
        this.name = r.text();
        this.typecode = typecode;
        this.length = length;
        this.file = "shared-" + id + ".mem";
        this.lock = withLock ? new Lock() : null;
        try {
            Path path = ChildRuntime.current().runDir().resolve(file);
            Files.write(path, new byte[length * width()]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the memory of " + name, e);
        }
    }

    private int width() {
        return typecode == 'i' ? Integer.BYTES : Double.BYTES;
    }

    private MappedByteBuffer buffer() {
        MappedByteBuffer b = buffer;
        if (b == null) {
            synchronized (this) {
                if (buffer == null) {
                    Path path = ChildRuntime.current().runDir().resolve(file);
                    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                        MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, (long) length * width());
                        mapped.order(ByteOrder.nativeOrder());
                        buffer = mapped;
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not map the memory of " + name, e);
                    }
                }
                b = buffer;
            }
        }
        return b;
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(name + " has " + length + " elements; index " + index + " is outside");
        }
    }

    private void requireType(char wanted) {
        if (typecode != wanted) {
            throw new IllegalStateException(
                    name + " holds " + (typecode == 'i' ? "ints" : "doubles") + " (typecode '" + typecode + "')");
        }
    }

    int readInt(int index) {
        checkIndex(index);
        requireType('i');
        return buffer().getInt(index * Integer.BYTES);
    }

    double readDouble(int index) {
        checkIndex(index);
        return typecode == 'i' ? buffer().getInt(index * Integer.BYTES) : buffer().getDouble(index * Double.BYTES);
    }

    void writeInt(int index, int value) {
        checkIndex(index);
        requireType('i');
        buffer().putInt(index * Integer.BYTES, value);
        reportWrite(index, value);
    }

    void writeDouble(int index, double value) {
        checkIndex(index);
        requireType('d');
        buffer().putDouble(index * Double.BYTES, value);
        reportWrite(index, value);
    }

    /** Reports the write unless this process reported one of this object less than a millisecond ago. */
    private void reportWrite(int index, double value) {
        long now = System.nanoTime();
        if (now - lastReport < SAMPLE_NANOS && lastReport != 0) {
            skipped++;
            return;
        }
        int notReported = skipped;
        skipped = 0;
        lastReport = now;
        ChildRuntime rt = ChildRuntime.current();
        long pid = rt.pid();
        int line = SourceLine.ofCaller();
        rt.emit(seq -> new SharedWrite(seq, now, pid, id, index, value, notReported, line));
    }

    /**
     * The lock that guards this object, as Python's {@code get_lock()}.
     *
     * @throws IllegalStateException when it was made without one
     */
    public Lock getLock() {
        if (lock == null) {
            throw new IllegalStateException(name + " was made without a lock");
        }
        return lock;
    }

    public String name() {
        return name;
    }

    public char typecode() {
        return typecode;
    }

    int size() {
        return length;
    }

    @Override
    public String toString() {
        return "<" + getClass().getSimpleName() + " " + name + ">";
    }
}
