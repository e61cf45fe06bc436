package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.AsyncResult;
import dev.proclab.engine.Pool;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.List;

/** Long tasks on a pool, ended by terminate() once every worker is running one. */
public class PoolTerminate {
    static int forever(Queue<Integer> running, Integer i) {
        running.put(i);
        sleep(60);
        return i;
    }

    public static void main(String[] args) {
        int workers = knob("workers", 2);
        Queue<Integer> running = new Queue<>();
        Pool pool = new Pool(workers);
        AsyncResult<List<Integer>> r = pool.mapAsync(i -> forever(running, i), List.of(1, 2, 3, 4, 5), 1);
        for (int i = 0; i < workers; i++) {
            System.out.println("task " + running.get() + " is running");
        }
        List<Process> started = pool.workers();
        pool.terminate();
        for (Process w : started) {
            System.out.println("worker " + w.name() + " alive " + w.isAlive() + " exit " + w.exitCode());
        }
        try {
            r.get();
        } catch (IllegalStateException e) {
            System.out.println("get after terminate: " + e.getMessage());
        }
        try {
            pool.map(x -> x, List.of(1));
        } catch (IllegalStateException e) {
            System.out.println("map after terminate: " + e.getMessage());
        }
        pool.join();
        System.out.println("done");
    }
}
