package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;

public class Terminate {
    static void forever(Queue<String> started) {
        started.put("started");
        sleep(60);
    }

    public static void main(String[] args) {
        Queue<String> started = new Queue<>();
        Process p = new Process(Terminate::forever, started);
        p.start();
        started.get();
        p.terminate();
        System.out.println("alive right after terminate: " + p.isAlive());
        p.join();
        System.out.println("alive after join: " + p.isAlive());
        System.out.println("exit code: " + p.exitCode());
    }
}
