package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Workers meet at a Barrier for several rounds, arriving at random moments; an optional action runs. */
public class BarrierRounds {
    static void worker(Barrier b, Integer rounds) {
        for (int r = 0; r < rounds; r++) {
            sleep(ThreadLocalRandom.current().nextDouble(0.05));
            int index = b.await();
            System.out.println("round " + r + " index " + index);
        }
    }

    static void announce() {
        System.out.println("action");
    }

    public static void main(String[] args) {
        int parties = knob("parties", 4);
        int rounds = knob("rounds", 3);
        Barrier b = knob("action", false) ? new Barrier(parties, BarrierRounds::announce) : new Barrier(parties);
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            Process p = new Process(BarrierRounds::worker, b, rounds);
            p.start();
            ps.add(p);
        }
        ps.forEach(Process::join);
        System.out.println("waiting " + b.nWaiting() + " broken " + b.broken() + " parties " + b.parties());
    }
}
