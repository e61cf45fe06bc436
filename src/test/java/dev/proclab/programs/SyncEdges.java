package dev.proclab.programs;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.BrokenBarrierException;
import dev.proclab.engine.Condition;
import dev.proclab.engine.Event;

/** Edge cases that follow Python: zero timeouts, a predicate already true, a barrier for one. */
public class SyncEdges {
    public static void main(String[] args) {
        Event flag = new Event();
        System.out.println("event await(0) " + flag.await(0));

        Condition cond = new Condition();
        try (var held = cond.hold()) {
            System.out.println("waitFor true " + cond.waitFor(() -> true));
            long start = System.nanoTime();
            boolean got = cond.waitFor(() -> false, 0.3);
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println("waitFor false " + got + " after at least 300 ms " + (ms >= 300));
            System.out.println("await(0) " + cond.await(0));
            cond.notify(0);
        }

        Barrier alone = new Barrier(1);
        System.out.println("alone " + alone.await() + " " + alone.await(0));
        Barrier pair = new Barrier(2);
        try {
            pair.await(0);
        } catch (BrokenBarrierException e) {
            System.out.println("pair await(0): " + e.getMessage());
        }
    }
}
