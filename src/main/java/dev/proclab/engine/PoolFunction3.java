package dev.proclab.engine;

import java.io.Serializable;

/**
 * A function of three arguments that a {@link Pool} runs on its worker processes ({@link Pool#starmap}).
 * Serialised and sent like a {@link PoolFunction}.
 */
@FunctionalInterface
public interface PoolFunction3<A, B, C, R> extends Serializable {
    R apply(A a, B b, C c) throws Exception;
}
