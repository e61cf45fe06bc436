package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.getpid;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.BrokenBarrierException;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.List;

/**
 * A process killed while waiting at a Barrier stays counted, so the others pass without it; a process
 * killed while running the barrier's action breaks the barrier for the one waiting.
 */
public class BarrierDeath {
    static void waiter(Barrier b) {
        try {
            System.out.println("passed " + b.await());
        } catch (BrokenBarrierException e) {
            System.out.println("broken: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Barrier counted = new Barrier(3);
        Process doomed = new Process(BarrierDeath::waiter, counted);
        doomed.start();
        while (counted.nWaiting() < 1) {
            sleep(0.01);
        }
        doomed.kill();
        doomed.join();
        Process other = new Process(BarrierDeath::waiter, counted);
        other.start();
        int index = counted.await();
        other.join();
        System.out.println("main passed " + (index == 1 || index == 2));

        Queue<Long> running = new Queue<>();
        Barrier slow = new Barrier(2, () -> {
            running.put(getpid());
            sleep(30);
        });
        List<Process> pair = List.of(new Process(BarrierDeath::waiter, slow), new Process(BarrierDeath::waiter, slow));
        pair.forEach(Process::start);
        long runner = running.get();
        for (Process p : pair) {
            if (p.pid() == runner) {
                p.kill();
            }
        }
        pair.forEach(Process::join);
        System.out.println("broken after the death " + slow.broken());
    }
}
