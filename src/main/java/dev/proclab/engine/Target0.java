package dev.proclab.engine;

import java.io.Serializable;

/**
 * The code a {@link Process} runs, taking no arguments, like Python's {@code target=} with {@code args=}.
 * Usually a method reference ({@code Main::task}); it is serialised and sent to the child process, so
 * it must not capture anything that cannot be serialised.
 */
@FunctionalInterface
public interface Target0 extends Serializable {
    void run() throws Exception;
}
