package dev.proclab.programs;

import dev.proclab.engine.Process;

/** The subclass style: a Process that overrides run() and carries a field to the child. */
public class Subclass {
    static class Greeter extends Process {
        private final String greeting;

        Greeter(String greeting) {
            this.greeting = greeting;
        }

        @Override
        public void run() {
            System.out.println(greeting + " from " + name());
        }
    }

    public static void main(String[] args) {
        Greeter g = new Greeter("hello");
        g.start();
        g.join();
        System.out.println("default name " + g.name() + ", exit code " + g.exitCode());
    }
}
