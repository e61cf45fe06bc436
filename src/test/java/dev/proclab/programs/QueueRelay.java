package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.ArrayList;
import java.util.List;

/** One producer puts numbered items into a bounded queue; several consumers take them until a stop mark. */
public class QueueRelay {
    static final String STOP = "stop";

    static void produce(Queue<String> q, Integer items) {
        for (int i = 0; i < items; i++) {
            q.put("item-" + i);
        }
    }

    static void consume(Queue<String> q) {
        while (true) {
            String item = q.get();
            if (item.equals(STOP)) {
                return;
            }
            System.out.println("got " + item);
        }
    }

    public static void main(String[] args) {
        int items = knob("items", 30);
        int consumers = knob("consumers", 3);
        Queue<String> q = new Queue<>(knob("maxsize", 3));
        List<Process> eaters = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            Process c = new Process(QueueRelay::consume, q);
            c.start();
            eaters.add(c);
        }
        Process producer = new Process(QueueRelay::produce, q, items);
        producer.start();
        producer.join();
        for (int i = 0; i < consumers; i++) {
            q.put(STOP);
        }
        for (Process c : eaters) {
            c.join();
        }
    }
}
