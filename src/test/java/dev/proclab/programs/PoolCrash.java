package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.AsyncResult;
import dev.proclab.engine.Pool;
import dev.proclab.engine.TaskFailedException;
import java.util.List;

/** A worker process dies in the middle of a task; the pool fails that task, replaces the worker and goes on. */
public class PoolCrash {
    static int risky(Integer i) {
        if (i == 2) {
            Runtime.getRuntime().halt(3); // the worker process ends at once, without a word
        }
        sleep(0.05);
        return i * 10;
    }

    private static List<Long> pids(Pool pool) {
        return pool.workers().stream().map(p -> p.pid()).toList();
    }

    public static void main(String[] args) {
        Pool pool = new Pool(2);
        List<Long> first = pids(pool);
        AsyncResult<List<Integer>> r = pool.mapAsync(PoolCrash::risky, List.of(0, 1, 2, 3, 4, 5), 1);
        try {
            System.out.println("map: " + r.get());
        } catch (TaskFailedException e) {
            System.out.println("map failed: " + e.getMessage() + "; cause " + e.getCause());
        }
        System.out.println("after: " + pool.map(x -> x + 1, List.of(1, 2, 3)));
        // The replacement is started by the pool's result thread, after the failure was delivered; wait for
        // it (at most 10 s), so that what follows does not depend on which thread ran first.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (pids(pool).stream().allMatch(first::contains) && System.nanoTime() < deadline) {
            sleep(0.02);
        }
        System.out.println("workers " + pool.workers().size());
        if (knob("forget", false)) {
            System.out.println("leaving the pool open");
            return; // the workers are daemons: they are terminated when this main ends
        }
        pool.close();
        pool.join();
        System.out.println("joined");
    }
}
