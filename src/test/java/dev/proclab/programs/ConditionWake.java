package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Condition;
import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiters wait on a Condition over a plain Lock; main wakes them with notify(1), notify(1), then
 * notifyAll. Each woken waiter prints while it holds the lock. One more waiter's timed wait gives up.
 */
public class ConditionWake {
    static void waiter(Condition cond, Queue<String> ready) {
        cond.acquire();
        try {
            ready.put("ready");
            boolean notified = cond.await();
            System.out.println("woke " + notified);
            sleep(0.02);
        } finally {
            cond.release();
        }
    }

    static void timed(Condition cond) {
        try (var held = cond.hold()) {
            boolean notified = cond.await(0.2);
            System.out.println("timed " + notified);
        }
    }

    public static void main(String[] args) {
        Condition cond = new Condition(new Lock());
        Queue<String> ready = new Queue<>();
        int n = knob("waiters", 4);
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process p = new Process(ConditionWake::waiter, cond, ready);
            p.start();
            ps.add(p);
        }
        for (int i = 0; i < n; i++) {
            ready.get();
        }
        // Each waiter put "ready" holding the lock and released it only by waiting: all wait now.
        for (int i = 0; i < 2; i++) {
            try (var held = cond.hold()) {
                cond.notifyOne();
            }
            sleep(0.1);
        }
        try (var held = cond.hold()) {
            cond.notifyAllWaiters();
        }
        for (Process p : ps) {
            p.join();
        }
        Process timed = new Process(ConditionWake::timed, cond);
        timed.start();
        timed.join();
    }
}
