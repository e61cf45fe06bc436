package dev.proclab.programs;

import dev.proclab.engine.Process;

public class Isolation {
    static int n = 100;

    static void child() {
        n = 0;
        System.out.println("child n=" + n);
    }

    public static void main(String[] args) {
        Process p = new Process(Isolation::child);
        p.start();
        p.join();
        System.out.println("parent n=" + n);
    }
}
