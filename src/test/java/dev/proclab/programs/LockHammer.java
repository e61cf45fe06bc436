package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import dev.proclab.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Workers take one lock {@code times} times each, as fast as they can, and add one to a shared Value
 * without a lock of its own while they hold it; they start together at a barrier. The main process
 * prints the count.
 */
public class LockHammer {
    static void work(Lock lock, Value count, Barrier start, Integer times) {
        start.await();
        for (int i = 0; i < times; i++) {
            lock.acquire();
            count.set(count.intValue() + 1);
            lock.release();
        }
    }

    public static void main(String[] args) {
        int workers = knob("workers", 3);
        int times = knob("times", 20_000);
        Lock lock = new Lock();
        Value count = new Value('i', 0, false);
        Barrier start = new Barrier(workers);
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Process p = new Process(LockHammer::work, lock, count, start, times);
            p.start();
            ps.add(p);
        }
        for (Process p : ps) {
            p.join();
        }
        System.out.println("count " + count.intValue());
    }
}
