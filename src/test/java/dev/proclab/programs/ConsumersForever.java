package dev.proclab.programs;

import dev.proclab.engine.JoinableQueue;
import dev.proclab.engine.Process;

/**
 * Producer-consumer without daemon consumers: the main joins the queue and ends its code, then waits for
 * its children, which wait in {@code get()} for items that never come. Only the wall-clock limit ends it.
 */
public class ConsumersForever {
    static void consume(JoinableQueue<Integer> q) {
        while (true) {
            q.get();
            q.taskDone();
        }
    }

    public static void main(String[] args) {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        for (int i = 0; i < 2; i++) {
            new Process(ConsumersForever::consume, q).start();
        }
        for (int i = 0; i < 3; i++) {
            q.put(i);
        }
        q.join();
        System.out.println("all items done; now the main waits for its consumers");
    }
}
