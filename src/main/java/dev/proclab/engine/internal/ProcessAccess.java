package dev.proclab.engine.internal;

import dev.proclab.engine.Process;

/**
 * Lets the engine's internals reach the parts of {@link Process} that lesson programs must not see,
 * without making them public. {@link Process} installs the bridge when its class is initialised.
 */
public final class ProcessAccess {
    /** What the internals may do to a {@link Process}. */
    public interface Bridge {
        Process mainProcess(long pid);

        void becomeCurrent(Process p, long pid);
    }

    private static volatile Bridge bridge;

    private ProcessAccess() {}

    public static void install(Bridge b) {
        bridge = b;
    }

    static Bridge get() {
        if (bridge == null) {
            try {
                Class.forName(Process.class.getName(), true, Process.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return bridge;
    }
}
