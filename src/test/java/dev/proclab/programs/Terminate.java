package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;

public class Terminate {
    static void forever() {
        sleep(60);
    }

    public static void main(String[] args) {
        Process p = new Process(Terminate::forever);
        p.start();
        sleep(0.3);
        p.terminate();
        System.out.println("alive right after terminate: " + p.isAlive());
        p.join();
        System.out.println("alive after join: " + p.isAlive());
        System.out.println("exit code: " + p.exitCode());
    }
}
