package dev.proclab.engine;

import java.io.Serializable;

/**
 * The code a {@link Process} runs, taking three arguments, like Python's {@code target=} with {@code args=}.
 * Usually a method reference ({@code Main::task}); it is serialised and sent to the child process, so
 * it must not capture anything that cannot be serialised.
 */
@FunctionalInterface
public interface Target3<A, B, C> extends Serializable {
    void run(A a, B b, C c) throws Exception;
}
