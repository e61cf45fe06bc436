package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Barrier;
import dev.proclab.engine.BrokenBarrierException;
import dev.proclab.engine.Process;
import java.util.List;

/** A Barrier broken by a timeout, by abort() and by a failing action; reset makes it usable again. */
public class BarrierBreak {
    static void waitForever(Barrier b) {
        try {
            b.await();
            System.out.println("passed");
        } catch (BrokenBarrierException e) {
            System.out.println("broken: " + e.getMessage());
        }
    }

    static void waitShortly(Barrier b) {
        try {
            b.await(0.3);
            System.out.println("passed");
        } catch (BrokenBarrierException e) {
            System.out.println("timed: " + e.getMessage());
        }
    }

    static void fail() {
        throw new IllegalStateException("action failed");
    }

    static void waitForAction(Barrier b) {
        try {
            b.await();
            System.out.println("passed");
        } catch (BrokenBarrierException e) {
            System.out.println("broken: " + e.getMessage());
        } catch (IllegalStateException e) {
            System.out.println("thrown: " + e.getMessage());
        }
    }

    static void both(List<Process> ps) {
        ps.forEach(Process::start);
        ps.forEach(Process::join);
    }

    public static void main(String[] args) {
        Barrier timed = new Barrier(3);
        Process patient = new Process(BarrierBreak::waitForever, timed);
        patient.start();
        while (timed.nWaiting() < 1) {
            sleep(0.01);
        }
        both(List.of(new Process(BarrierBreak::waitShortly, timed)));
        patient.join();
        System.out.println("timed broken " + timed.broken());
        try {
            timed.await();
        } catch (BrokenBarrierException e) {
            System.out.println("refused: " + e.getMessage());
        }
        timed.reset();
        System.out.println("after reset broken " + timed.broken());
        Process victim = new Process(BarrierBreak::waitForever, timed);
        victim.start();
        while (timed.nWaiting() < 1) {
            sleep(0.01);
        }
        timed.reset();
        victim.join();
        List<Process> pair =
                List.of(new Process(BarrierBreak::waitForever, timed), new Process(BarrierBreak::waitForever, timed));
        pair.forEach(Process::start);
        int index = timed.await();
        pair.forEach(Process::join);
        System.out.println("full round, main index in range " + (index >= 0 && index < 3));

        Barrier aborted = new Barrier(3);
        List<Process> two = List.of(
                new Process(BarrierBreak::waitForever, aborted), new Process(BarrierBreak::waitForever, aborted));
        two.forEach(Process::start);
        while (aborted.nWaiting() < 2) {
            sleep(0.01);
        }
        aborted.abort();
        two.forEach(Process::join);

        Barrier failing = new Barrier(2, BarrierBreak::fail);
        both(List.of(
                new Process(BarrierBreak::waitForAction, failing), new Process(BarrierBreak::waitForAction, failing)));

        try {
            new Barrier(0);
        } catch (IllegalArgumentException e) {
            System.out.println("zero: " + e.getMessage());
        }
    }
}
