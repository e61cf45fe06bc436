package dev.proclab.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A proxy to a list held by a {@link Manager}'s process (Python's {@code ListProxy}), made by
 * {@link Manager#list()}. Indexes may be negative, counting from the end as in Python. Every method is
 * one round trip to the manager process (see {@link BaseProxy}); what it returns is a copy, so changing a
 * returned element changes nothing in the manager: store it back with {@link #set}.
 *
 * @param <T> the type of the elements
 */
public final class ListProxy<T> extends BaseProxy {
    private static final long serialVersionUID = 1L;

    ListProxy(int managerId, String managerName, String target) {
        super(managerId, managerName, target);
    }

    /** Adds {@code item} at the end. */
    public void append(T item) {
        call("append", item);
    }

    /** Adds every item of {@code items} at the end, in one call. */
    public void extend(Collection<? extends T> items) {
        call("extend", new ArrayList<>(items));
    }

    /**
     * The element at {@code index}.
     *
     * @throws IndexOutOfBoundsException (Python's {@code IndexError}) when there is none
     */
    public T get(int index) {
        return call("get", index);
    }

    /** Replaces the element at {@code index} (Python's {@code l[index] = item}). */
    public void set(int index, T item) {
        call("set", index, item);
    }

    /** Removes and returns the last element. */
    public T pop() {
        return call("pop", -1);
    }

    /** Removes and returns the element at {@code index}. */
    public T pop(int index) {
        return call("pop", index);
    }

    public int size() {
        return call("size");
    }

    public boolean contains(T item) {
        return call("contains", item);
    }

    /** The first index of {@code item}, or -1. */
    public int indexOf(T item) {
        return call("indexOf", item);
    }

    public void clear() {
        call("clear");
    }

    /** A copy of the whole list, taken in one call. */
    public List<T> copy() {
        return call("copy");
    }
}
