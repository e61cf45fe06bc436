package dev.proclab.engine;

import java.util.List;
import java.util.Map;

/**
 * A proxy to a dict held by a {@link Manager}'s process (Python's {@code DictProxy}), made by
 * {@link Manager#dict()}. Keys keep the order they were first put in, as in a Python dict. Every method
 * is one round trip to the manager process (see {@link BaseProxy}); what it returns is a copy, so
 * changing a returned list or value changes nothing in the manager: put it back with {@link #put}.
 *
 * @param <K> the type of the keys
 * @param <V> the type of the values
 */
public final class DictProxy<K, V> extends BaseProxy {
    private static final long serialVersionUID = 1L;

    DictProxy(int managerId, String managerName, String target) {
        super(managerId, managerName, target);
    }

    /** The value for {@code key}, or null when there is none (Python's {@code d.get(key)}). */
    public V get(K key) {
        return call("get", key);
    }

    /** The value for {@code key}, or {@code otherwise} when there is none. */
    public V get(K key, V otherwise) {
        return call("getOrDefault", key, otherwise);
    }

    /** Sets {@code key} to {@code value} (Python's {@code d[key] = value}). */
    public void put(K key, V value) {
        call("put", key, value);
    }

    /**
     * Removes {@code key} and returns its value.
     *
     * @throws java.util.NoSuchElementException (Python's {@code KeyError}) when the key is not there
     */
    public V pop(K key) {
        return call("pop", key);
    }

    public boolean containsKey(K key) {
        return call("containsKey", key);
    }

    public int size() {
        return call("size");
    }

    /** A copy of the keys, in order. */
    public List<K> keys() {
        return call("keys");
    }

    /** A copy of the values, in the order of their keys. */
    public List<V> values() {
        return call("values");
    }

    /** A copy of the entries, in order. */
    public List<Map.Entry<K, V>> items() {
        return call("items");
    }

    /** A copy of the whole dict, taken in one call. */
    public Map<K, V> copy() {
        return call("copy");
    }

    /** Puts every entry of {@code other}, in one call. */
    public void update(Map<? extends K, ? extends V> other) {
        call("update", new java.util.LinkedHashMap<>(other));
    }

    public void clear() {
        call("clear");
    }
}
