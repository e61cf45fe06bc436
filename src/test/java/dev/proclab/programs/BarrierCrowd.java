package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.Event;
import dev.proclab.engine.Process;
import java.util.ArrayList;
import java.util.List;

/**
 * Four workers meet at a Barrier for two: the first two start a round whose action takes a while; the
 * other two arrive while it runs and must form the next round.
 */
public class BarrierCrowd {
    static void early(Barrier b) {
        System.out.println("passed " + b.await());
    }

    static void late(Barrier b, Event actionStarted) {
        actionStarted.await();
        System.out.println("passed " + b.await());
    }

    public static void main(String[] args) {
        Event actionStarted = new Event();
        Barrier b = new Barrier(2, () -> {
            actionStarted.set();
            System.out.println("action");
            sleep(1);
        });
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ps.add(new Process(BarrierCrowd::early, b));
            ps.add(new Process(BarrierCrowd::late, b, actionStarted));
        }
        ps.forEach(Process::start);
        ps.forEach(Process::join);
    }
}
