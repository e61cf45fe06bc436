package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;

/** Two children, one with a child of its own, all sleeping for a minute; the main joins. */
public class Hang {
    static void sleeper() {
        sleep(60);
    }

    static void parentOfSleeper() {
        new Process(Hang::sleeper).start();
        sleep(60);
    }

    public static void main(String[] args) {
        new Process(Hang::sleeper).start();
        Process p = new Process(Hang::parentOfSleeper);
        p.start();
        System.out.println("all started");
        p.join();
    }
}
