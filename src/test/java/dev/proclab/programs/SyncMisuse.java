package dev.proclab.programs;

import dev.proclab.engine.Condition;
import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import dev.proclab.engine.RLock;

/** Uses a Condition without holding its lock, and waits holding an RLock twice; prints what it was told. */
public class SyncMisuse {
    static void notifyFromOther(Condition cond) {
        try {
            cond.notifyOne();
        } catch (IllegalStateException e) {
            System.out.println("other: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Condition cond = new Condition(new Lock());
        try {
            cond.await();
        } catch (IllegalStateException e) {
            System.out.println("wait: " + e.getMessage());
        }
        try {
            cond.notifyAllWaiters();
        } catch (IllegalStateException e) {
            System.out.println("notify: " + e.getMessage());
        }
        try (var held = cond.hold()) {
            Process p = new Process(SyncMisuse::notifyFromOther, cond);
            p.start();
            p.join();
        }

        Condition twice = new Condition(new RLock());
        twice.acquire();
        twice.acquire();
        System.out.println("timed " + twice.await(0.1));
        twice.release();
        twice.release();
        try {
            twice.release();
        } catch (IllegalStateException e) {
            System.out.println("third release: " + e.getMessage());
        }
        System.out.println("condition " + twice);
    }
}
