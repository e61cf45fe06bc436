package dev.proclab.programs;

import dev.proclab.engine.Process;

public class Throws {
    static void fail() {
        throw new IllegalStateException("boom in the child");
    }

    public static void main(String[] args) {
        Process p = new Process(Throws::fail);
        p.start();
        p.join();
        System.out.println("child exit code: " + p.exitCode());
    }
}
