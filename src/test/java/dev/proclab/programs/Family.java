package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.currentProcess;
import static dev.proclab.engine.Multiprocessing.getpid;
import static dev.proclab.engine.Multiprocessing.getppid;

import dev.proclab.engine.Process;

/** A child that starts a grandchild; every process prints its name, pid and parent pid. */
public class Family {
    static void report() {
        System.out.println(currentProcess().name() + " pid=" + getpid() + " ppid=" + getppid());
    }

    static void child() {
        report();
        Process grandchild = new Process(Family::report);
        grandchild.start();
        System.out.println("grandchild pid=" + grandchild.pid());
        grandchild.join();
    }

    public static void main(String[] args) {
        report();
        Process p = new Process(Family::child);
        p.start();
        System.out.println("child pid=" + p.pid());
        p.join();
    }
}
