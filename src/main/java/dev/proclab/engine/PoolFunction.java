package dev.proclab.engine;

import java.io.Serializable;

/**
 * A function a {@link Pool} runs on its worker processes, taking one argument: {@code x -> x * x} or
 * {@code Main::square}. It is serialised and sent to the worker with its input, as Python pickles the
 * function and its arguments, so it must not capture anything that cannot be serialised. What it returns
 * is sent back the same way; what it throws reaches the caller as a {@link TaskFailedException}.
 */
@FunctionalInterface
public interface PoolFunction<T, R> extends Serializable {
    R apply(T t) throws Exception;
}
