package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.AsyncResult;
import dev.proclab.engine.Pool;
import dev.proclab.engine.TaskFailedException;
import dev.proclab.engine.TimeoutError;
import java.util.List;

/** A task that throws, a result that is late, callbacks and the questions one can ask an AsyncResult. */
public class PoolFailures {
    static int divide(Integer x) {
        return 12 / x;
    }

    static int slow(Double seconds) {
        sleep(seconds);
        return 42;
    }

    public static void main(String[] args) {
        try (Pool pool = new Pool(2)) {
            AsyncResult<Integer> bad = pool.applyAsync(PoolFailures::divide, 0);
            try {
                bad.get();
                System.out.println("no exception");
            } catch (TaskFailedException e) {
                System.out.println("failed: " + e.getMessage());
                System.out.println("cause: " + e.getCause());
                System.out.println("cause frame: " + e.getCause().getStackTrace()[0]);
                System.out.println("worker: " + e.workerPid() + " " + e.workerName());
                System.out.println("traceback: " + e.remoteTraceback().replace('\n', '|'));
            }
            System.out.println("bad ready " + bad.ready() + " successful " + bad.successful());

            try {
                pool.map(PoolFailures::divide, List.of(1, 2, 0, 3), 1);
                System.out.println("map: no exception");
            } catch (TaskFailedException e) {
                System.out.println("map failed: " + e.getCause());
            }

            AsyncResult<Integer> late = pool.applyAsync(PoolFailures::slow, 1.5);
            System.out.println("late ready " + late.ready());
            try {
                late.successful();
            } catch (IllegalStateException e) {
                System.out.println("successful too early: " + e.getMessage());
            }
            try {
                late.get(0.2);
            } catch (TimeoutError e) {
                System.out.println("timeout: " + e.getMessage());
            }
            late.waitFor(0.1);
            System.out.println("late ready after short wait " + late.ready());
            System.out.println(
                    "late value " + late.get() + " ready " + late.ready() + " successful " + late.successful());

            AsyncResult<Integer> called = pool.applyAsync(
                    PoolFailures::divide,
                    3,
                    v -> System.out.println(
                            "callback " + v + " on " + Thread.currentThread().getName()),
                    e -> System.out.println("error callback " + e));
            called.waitFor();
            AsyncResult<Integer> erred = pool.applyAsync(
                    PoolFailures::divide,
                    0,
                    v -> System.out.println("callback " + v),
                    e -> System.out.println("error callback " + e.getCause()));
            erred.waitFor();
            System.out.println("square by lambda " + pool.apply(x -> x * x, 7));
            try {
                pool.map(x -> x, List.of(new Object()));
            } catch (IllegalArgumentException e) {
                System.out.println("unsendable: " + e.getMessage());
            }
        }
        System.out.println("done");
    }
}
