package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.getpid;
import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.AsyncResult;
import dev.proclab.engine.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * Squares 0..items-1 on a pool in one of several ways and prints one line per result, in the order the
 * program received them: {@code result <i> <i*i> <worker pid>}. With {@code init} each worker prints
 * {@code init <pid>} once; {@code maxtasks} limits the tasks per worker.
 */
public class PoolWork {
    static final double SLEEP = knob("sleep", 0.0);

    static void init(String tag) {
        System.out.println("init " + getpid() + " " + tag);
    }

    static String square(Integer i) {
        sleep(SLEEP);
        return i + " " + (i * i) + " " + getpid();
    }

    static String product(Integer a, Integer b) {
        sleep(SLEEP);
        return a + " " + (a * b) + " " + getpid();
    }

    public static void main(String[] args) {
        int workers = knob("workers", 3);
        int items = knob("items", 12);
        int chunksize = knob("chunksize", 0);
        String mode = knob("mode", "map");
        List<Integer> inputs = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            inputs.add(i);
        }
        Pool pool = knob("init", false)
                ? new Pool(workers, PoolWork::init, "hello", knob("maxtasks", 0))
                : new Pool(workers, null, knob("maxtasks", 0));
        List<String> results = new ArrayList<>();
        switch (mode) {
            case "map" ->
                results.addAll(
                        chunksize > 0
                                ? pool.map(PoolWork::square, inputs, chunksize)
                                : pool.map(PoolWork::square, inputs));
            case "lambda" -> {
                List<Integer> squares = pool.map(x -> x * x, inputs);
                for (int i = 0; i < items; i++) {
                    results.add(i + " " + squares.get(i) + " 0"); // no worker pid from this function
                }
            }
            case "imap" ->
                pool.imap(PoolWork::square, inputs, Math.max(1, chunksize)).forEach(results::add);
            case "imap_unordered" ->
                pool.imapUnordered(PoolWork::square, inputs, Math.max(1, chunksize))
                        .forEach(results::add);
            case "starmap" -> {
                List<List<Integer>> pairs = new ArrayList<>();
                for (int i : inputs) {
                    pairs.add(List.of(i, i));
                }
                results.addAll(pool.starmap(PoolWork::product, pairs));
            }
            case "apply_async" -> {
                List<AsyncResult<String>> handles = new ArrayList<>();
                for (int i : inputs) {
                    handles.add(pool.applyAsync(PoolWork::square, i));
                }
                for (AsyncResult<String> h : handles) {
                    results.add(h.get());
                }
            }
            default -> throw new IllegalArgumentException(mode);
        }
        for (String r : results) {
            System.out.println("result " + r);
        }
        pool.close();
        pool.join();
        System.out.println("joined");
    }
}
