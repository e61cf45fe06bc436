package dev.proclab.trace;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * A list that one writer grows at its end while any number of readers read it without locks.
 *
 * <p>Elements live in chunks that double in size (16, 32, 64, ...), so growing never copies an element and
 * a chunk, once written, never moves: a reader that has seen {@link #size()} may read every index below
 * it. The writer stores the elements of a batch first and publishes them with one volatile write of the
 * size, so a reader sees a whole batch or none of it. Only one thread may call {@link #add} or
 * {@link #addAll} at a time; callers serialise writers themselves.
 */
final class AppendOnlyList<T> {

    private static final int FIRST_CHUNK_BITS = 4;
    private static final int FIRST_CHUNK = 1 << FIRST_CHUNK_BITS;
    /** Keeps index arithmetic clear of int overflow; a billion events is far beyond any run's cap. */
    static final int MAX_SIZE = 1 << 30;

    private static final int CHUNKS = 31 - FIRST_CHUNK_BITS;

    // Slots are written before the size that covers them is published, so readers need no volatile here.
    private final Object[][] chunks = new Object[CHUNKS][];
    private volatile int size;

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    T get(int index) {
        Objects.checkIndex(index, size);
        return (T) slot(index);
    }

    void add(T element) {
        int n = size;
        store(n, element);
        size = n + 1;
    }

    void addAll(List<? extends T> elements) {
        int n = size;
        if (elements.size() > MAX_SIZE - n) {
            throw new IllegalStateException("list is full at " + n + " elements");
        }
        for (T element : elements) {
            store(n++, element);
        }
        size = n;
    }

    /** The elements from {@code from} (inclusive) to {@code to} (exclusive); they never change. */
    List<T> view(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new View<>(this, from, to);
    }

    private void store(int index, T element) {
        if (index >= MAX_SIZE) {
            throw new IllegalStateException("list is full at " + index + " elements");
        }
        int shifted = index + FIRST_CHUNK;
        int chunk = chunkOf(shifted);
        Object[] slots = chunks[chunk];
        if (slots == null) {
            slots = new Object[FIRST_CHUNK << chunk];
            chunks[chunk] = slots;
        }
        slots[shifted - (FIRST_CHUNK << chunk)] = element;
    }

    private Object slot(int index) {
        int shifted = index + FIRST_CHUNK;
        int chunk = chunkOf(shifted);
        return chunks[chunk][shifted - (FIRST_CHUNK << chunk)];
    }

    private static int chunkOf(int shifted) {
        return 31 - Integer.numberOfLeadingZeros(shifted) - FIRST_CHUNK_BITS;
    }

    private static final class View<T> extends AbstractList<T> implements RandomAccess {
        private final AppendOnlyList<T> source;
        private final int from;
        private final int to;

        View(AppendOnlyList<T> source, int from, int to) {
            this.source = source;
            this.from = from;
            this.to = to;
        }

        @Override
        public T get(int index) {
            Objects.checkIndex(index, to - from);
            // Through the volatile size, so a view handed to another thread without a barrier still reads
            // what was published.
            return source.get(from + index);
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public List<T> subList(int fromIndex, int toIndex) {
            Objects.checkFromToIndex(fromIndex, toIndex, size());
            return new View<>(source, from + fromIndex, from + toIndex);
        }
    }
}
