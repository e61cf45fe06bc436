package dev.proclab.engine;

import java.io.Serializable;

/**
 * A function of two arguments that a {@link Pool} runs on its worker processes ({@link Pool#starmap},
 * {@link Pool#apply(PoolFunction2, Object, Object)}). Serialised and sent like a {@link PoolFunction}.
 */
@FunctionalInterface
public interface PoolFunction2<A, B, R> extends Serializable {
    R apply(A a, B b) throws Exception;
}
