package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Process;
import dev.proclab.engine.SimpleQueue;
import java.util.ArrayList;
import java.util.List;

/** Producers put tagged items into one SimpleQueue; the main process gets them all, then finds it empty. */
public class SimpleQueueFifo {
    static void produce(SimpleQueue<String> q, Integer who, Integer items) {
        for (int i = 0; i < items; i++) {
            q.put("p" + who + "-" + i);
        }
    }

    public static void main(String[] args) {
        int producers = knob("producers", 3);
        int items = knob("items", 15);
        SimpleQueue<String> q = new SimpleQueue<>();
        List<Process> ps = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            Process pr = new Process(SimpleQueueFifo::produce, q, p, items);
            pr.start();
            ps.add(pr);
        }
        int got = 0;
        for (int i = 0; i < producers * items; i++) {
            q.get();
            got++;
        }
        for (Process p : ps) {
            p.join();
        }
        System.out.println("got " + got + " empty " + q.empty());
        q.close();
    }
}
