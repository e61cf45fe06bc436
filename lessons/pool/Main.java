import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.AsyncResult;
import dev.proclab.engine.Pool;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

public class Main {

    // The knobs. Every process reads them for itself, like the constants at the top of main.py.
    static final int WORKERS = knob("workers", 3);
    static final int TASKS = knob("tasks", 20);
    static final double DURATION = knob("duration", 0.5);
    static final int CHUNKSIZE = knob("chunksize", 1);
    static final String MODE = knob("mode", "map");
    static final String VARIANT = knob("variant", "pool");

    /** What a task sends back: which task it was and which process did it. */
    record Done(int task, String worker, long pid) implements Serializable {}

    /** One task: works for a while (tasks take 0.5, 1 and 1.5 times DURATION in turn), then says who did it. */
    static Done work(int task) {
        sleep(DURATION * (1 + task % 3) / 2);
        return new Done(task, currentProcess().name(), getpid());
    }

    static void show(Done d) {
        System.out.println("main: task " + d.task() + " was done by " + d.worker() + " (pid " + d.pid() + ")");
    }

    static List<Done> withPool(List<Integer> tasks) {
        List<Done> results = new ArrayList<>();
        try (Pool pool = new Pool(WORKERS)) { // starts WORKERS processes, once
            switch (MODE) {
                case "map" -> {
                    // Waits for every task; the results come in the order of the tasks.
                    results.addAll(pool.map(Main::work, tasks, CHUNKSIZE));
                    results.forEach(Main::show);
                }
                case "apply_async" -> {
                    // Each call returns at once with a handle; get() waits for that task's result.
                    List<AsyncResult<Done>> handles = new ArrayList<>();
                    for (int task : tasks) {
                        handles.add(pool.applyAsync(Main::work, task));
                    }
                    for (AsyncResult<Done> handle : handles) {
                        Done d = handle.get();
                        show(d);
                        results.add(d);
                    }
                }
                default -> {
                    // imap_unordered: each result as soon as it is ready, in the order the tasks finish.
                    for (Done d : pool.imapUnordered(Main::work, tasks, CHUNKSIZE)) {
                        show(d);
                        results.add(d);
                    }
                }
            }
            pool.close(); // no more tasks: the workers exit when the queue is empty
            pool.join(); // wait until they have
        }
        return results;
    }

    static void workAndReport(int task, Queue<Done> results) {
        results.put(work(task));
    }

    /** The same work without a pool: a new process for every task. */
    static List<Done> processPerTask(List<Integer> tasks) {
        Queue<Done> queue = new Queue<>();
        List<Process> started = new ArrayList<>();
        for (int task : tasks) {
            Process p = new Process(Main::workAndReport, task, queue);
            p.start();
            started.add(p);
        }
        List<Done> results = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Done d = queue.get();
            show(d);
            results.add(d);
        }
        for (Process p : started) {
            p.join();
        }
        return results;
    }

    public static void main(String[] args) {
        List<Integer> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(i);
        }
        System.out.println("main: " + TASKS + " tasks, " + (VARIANT.equals("pool")
                ? "a pool of " + WORKERS + " workers, " + MODE + ", chunksize " + CHUNKSIZE
                : "one process per task"));
        long start = System.nanoTime();
        List<Done> results = VARIANT.equals("pool") ? withPool(tasks) : processPerTask(tasks);
        double seconds = (System.nanoTime() - start) / 1e9;

        Set<Long> pids = new HashSet<>();
        for (Done d : results) {
            pids.add(d.pid());
        }
        System.out.printf("main: %d results from %d different processes in %.2f s%n", results.size(), pids.size(), seconds);
    }
}
