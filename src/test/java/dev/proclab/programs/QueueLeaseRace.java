package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.ArrayList;
import java.util.List;

/**
 * Unbounded queues (puts without a round trip, gets with leases) under races. Round 1: three producers fill
 * a queue, then one consumer takes an item (and a lease of the rest) and sleeps; a second consumer asks
 * meanwhile and must be served at once. Round 2: three producers and two consumers all run at the same
 * time. Each consumer stops at a stop mark; the checks are made over the queue events.
 */
public class QueueLeaseRace {
    static final String STOP = "stop";

    static void produce(Queue<String> q, String name, Integer items) {
        for (int i = 0; i < items; i++) {
            q.put(name + "-" + i);
        }
    }

    /** Gets until the stop mark; after the first item it sleeps {@code pause} seconds. */
    static void consume(Queue<String> q, String name, Double pause) {
        String first = q.get();
        if (pause > 0) {
            sleep(pause);
        }
        int got = first.equals(STOP) ? 0 : 1;
        while (!first.equals(STOP)) {
            long t0 = System.nanoTime();
            String item = q.get();
            long waited = (System.nanoTime() - t0) / 1_000_000;
            if (got == 1) {
                System.out.println(name + " second get waited " + waited + " ms");
            }
            if (item.equals(STOP)) {
                break;
            }
            got++;
        }
        System.out.println(name + " got " + got);
    }

    /** The first get of a consumer that starts while another sleeps on its lease. */
    static void late(Queue<String> q, String name) {
        long t0 = System.nanoTime();
        String item = q.get();
        System.out.println(name + " first get waited " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        int got = item.equals(STOP) ? 0 : 1;
        while (!item.equals(STOP)) {
            item = q.get();
            if (!item.equals(STOP)) {
                got++;
            }
        }
        System.out.println(name + " got " + got);
    }

    public static void main(String[] args) {
        int items = knob("items", 400);
        double pause = knob("pause", 1.5);

        // Round 1: a lease taken, then revoked for a second consumer.
        Queue<String> q = new Queue<>();
        List<Process> producers = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            Process producer = new Process(QueueLeaseRace::produce, q, "a" + p, items);
            producer.start();
            producers.add(producer);
        }
        for (Process producer : producers) {
            producer.join();
        }
        System.out.println("round 1 filled " + q.qsize());
        Process sleeper = new Process(QueueLeaseRace::consume, q, "sleeper", pause).name("sleeper");
        sleeper.start();
        while (q.qsize() == 3 * items) {
            sleep(0.01);
        }
        Process late = new Process(QueueLeaseRace::late, q, "late").name("late");
        late.start();
        q.put(STOP);
        q.put(STOP);
        sleeper.join();
        late.join();

        // Round 2: everybody at once.
        Queue<String> r = new Queue<>();
        List<Process> all = new ArrayList<>();
        for (int c = 1; c <= 2; c++) {
            Process consumer = new Process(QueueLeaseRace::consume, r, "c" + c, 0.0).name("c" + c);
            consumer.start();
            all.add(consumer);
        }
        producers.clear();
        for (int p = 1; p <= 3; p++) {
            Process producer = new Process(QueueLeaseRace::produce, r, "b" + p, items);
            producer.start();
            producers.add(producer);
        }
        for (Process producer : producers) {
            producer.join();
        }
        r.put(STOP);
        r.put(STOP);
        for (Process consumer : all) {
            consumer.join();
        }
        System.out.println("done");
    }
}
