package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Event;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Waiters block on an Event until main sets it; one more starts after the set and passes at once; after
 * a clear, a timed wait gives up.
 */
public class FlagGate {
    static void waiter(Event gate, Queue<String> ready) {
        ready.put("ready");
        boolean passed = gate.await();
        System.out.println("passed " + passed);
    }

    static void late(Event gate) {
        System.out.println("late " + gate.await(5));
    }

    static void timed(Event gate) {
        System.out.println("timed " + gate.await(0.2));
    }

    public static void main(String[] args) {
        Event gate = new Event();
        Queue<String> ready = new Queue<>();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < knob("waiters", 3); i++) {
            Process p = new Process(FlagGate::waiter, gate, ready);
            p.start();
            ps.add(p);
        }
        for (int i = 0; i < ps.size(); i++) {
            ready.get();
        }
        sleep(knob("delay", 0.2));
        System.out.println("set, was " + gate.isSet());
        gate.set();
        Process late = new Process(FlagGate::late, gate);
        late.start();
        late.join();
        gate.clear();
        Process timed = new Process(FlagGate::timed, gate);
        timed.start();
        timed.join();
        for (Process p : ps) {
            p.join();
        }
        System.out.println("now " + gate.isSet());
    }
}
