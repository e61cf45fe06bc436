package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;

public class Daemons {
    static void child() {
        System.out.println("alive");
        sleep(2);
        System.out.println("normal death");
    }

    public static void main(String[] args) {
        Process p = new Process(Daemons::child);
        p.daemon(knob("daemon", true));
        p.start();
        sleep(0.5);
        System.out.println("main ends");
    }
}
