package dev.proclab.programs;

import dev.proclab.engine.Process;

/** Calls the API too late or with what cannot be sent, and prints what it was told. */
public class Misuse {
    static void quiet() {}

    static void takes(Object o) {}

    static void spawnFromDaemon() {
        try {
            new Process(Misuse::quiet).start();
        } catch (IllegalStateException e) {
            System.out.println("daemon child: " + e.getMessage());
        }
    }

    public static void main(String[] args) {
        Process p = new Process(Misuse::quiet);
        p.start();
        try {
            p.start();
        } catch (IllegalStateException e) {
            System.out.println("second start: " + e.getMessage());
        }
        try {
            p.daemon(true);
        } catch (IllegalStateException e) {
            System.out.println("late daemon: " + e.getMessage());
        }
        p.join();
        try {
            new Process(Misuse::takes, new Thread()).start();
        } catch (IllegalArgumentException e) {
            System.out.println("unsendable: " + e.getMessage());
        }
        try {
            new Process(Misuse::quiet).join();
        } catch (IllegalStateException e) {
            System.out.println("join before start: " + e.getMessage());
        }
        Process daemon = new Process(Misuse::spawnFromDaemon);
        daemon.daemon(true);
        daemon.start();
        daemon.join();
    }
}
