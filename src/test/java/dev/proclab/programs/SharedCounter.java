package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.currentProcess;
import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import dev.proclab.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes add one to a shared Value many times, with or without its lock. Each reports ready on a queue and
 * then spins on a shared "go" flag, so that they really run at the same time.
 */
public class SharedCounter {
    static void add(Value counter, Value go, Queue<String> ready) {
        int times = knob("times", 20_000);
        boolean guarded = knob("guarded", false);
        ready.put(currentProcess().name());
        while (go.intValue() == 0) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < times; i++) {
            if (guarded) {
                try (var held = counter.getLock().hold()) {
                    counter.set(counter.intValue() + 1);
                }
            } else {
                counter.set(counter.intValue() + 1);
            }
        }
    }

    public static void main(String[] args) {
        int workers = knob("workers", 4);
        int times = knob("times", 20_000);
        Value counter = new Value('i', 0);
        Value go = new Value('i', 0, false);
        Queue<String> ready = new Queue<>();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Process p = new Process(SharedCounter::add, counter, go, ready);
            p.start();
            ps.add(p);
        }
        for (int i = 0; i < workers; i++) {
            ready.get();
        }
        go.set(1);
        for (Process p : ps) {
            p.join();
        }
        System.out.println("counter " + counter.intValue() + " of " + workers * times);
    }
}
