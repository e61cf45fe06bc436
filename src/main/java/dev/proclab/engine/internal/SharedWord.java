package dev.proclab.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A few 64-bit words in a file mapped into every process that opens it, read and changed with atomic
 * operations (compare-and-set, volatile reads and writes), so that processes on one machine can agree
 * on them without asking anyone: the state of a {@code Lock} lives in one.
 *
 * <p>Every method may be called from any thread of any process that mapped the file; the operations on
 * one word are atomic and totally ordered across processes (they are the CPU's own atomic instructions
 * on shared pages). The file is made by {@link #create} before anyone {@link #open}s it and is never
 * resized.
 */
public final class SharedWord {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final MappedByteBuffer buffer;
    private final int words;

    private SharedWord(MappedByteBuffer buffer, int words) {
        this.buffer = buffer;
        this.words = words;
    }

    /** Writes a file of {@code words} zero words at {@code file}; it must not exist yet. */
    public static void create(Path file, int words) {
        try {
            Files.write(file, new byte[words * Long.BYTES], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create shared word file " + file, e);
        }
    }

    /** Maps the file made by {@link #create} with {@code words} words. */
    public static SharedWord open(Path file, int words) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer mapped = ch.map(FileChannel.MapMode.READ_WRITE, 0, (long) words * Long.BYTES);
            return new SharedWord(mapped, words);
        } catch (IOException e) {
            throw new UncheckedIOException("could not map shared word file " + file, e);
        }
    }

    private int offset(int index) {
        if (index < 0 || index >= words) {
            throw new IndexOutOfBoundsException("word " + index + " of " + words);
        }
        return index * Long.BYTES;
    }

    /** The word's current value (a volatile read). */
    public long get(int index) {
        return (long) LONGS.getVolatile(buffer, offset(index));
    }

    /** Sets the word (a volatile write). */
    public void set(int index, long value) {
        LONGS.setVolatile(buffer, offset(index), value);
    }

    /** Sets the word to {@code update} if it is {@code expected}; returns whether it did. */
    public boolean compareAndSet(int index, long expected, long update) {
        return LONGS.compareAndSet(buffer, offset(index), expected, update);
    }
}
