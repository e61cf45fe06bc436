package dev.proclab.programs;

import dev.proclab.engine.Empty;
import dev.proclab.engine.Full;
import dev.proclab.engine.Queue;

/** The non-blocking and timeout variants of put and get in one process. */
public class QueueLimits {
    public static void main(String[] args) {
        Queue<Object> q = new Queue<>(2);
        try {
            q.getNowait();
        } catch (Empty e) {
            System.out.println("empty: " + e.getMessage());
        }
        q.put(1);
        q.put("two");
        System.out.println("full " + q.full() + " size " + q.qsize());
        long t0 = System.nanoTime();
        try {
            q.put(3.0, true, 0.3);
        } catch (Full e) {
            System.out.println("full after " + ((System.nanoTime() - t0) / 1_000_000 >= 250) + ": " + e.getMessage());
        }
        System.out.println(q.get() + " " + q.get() + " empty " + q.empty());
    }
}
