package dev.proclab.engine;

/**
 * A proxy to one value held by a {@link Manager}'s process (Python's {@code ValueProxy}), made by
 * {@link Manager#value}. {@link #get()} and {@link #set} are one round trip each, so
 * {@code v.set(v.get() + 1)} from several processes loses updates unless a lock guards it.
 *
 * @param <T> the type of the value
 */
public final class ValueProxy<T> extends BaseProxy {
    private static final long serialVersionUID = 1L;

    ValueProxy(int managerId, String managerName, String target) {
        super(managerId, managerName, target);
    }

    public T get() {
        return call("get");
    }

    public void set(T value) {
        call("set", value);
    }
}
