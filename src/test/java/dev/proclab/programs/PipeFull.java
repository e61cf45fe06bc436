package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Connection;
import dev.proclab.engine.Pipe;
import dev.proclab.engine.Process;

/**
 * A child sends a message bigger than a one-way pipe's buffer: it waits until the parent receives it, so
 * a parent that joins first waits in vain (here for a limited time, then it receives).
 */
public class PipeFull {
    static void sendBig(Connection w, Integer bytes) {
        w.sendBytes(new byte[bytes]);
        System.out.println("sent " + bytes);
    }

    public static void main(String[] args) {
        int bytes = knob("bytes", 100_000);
        Pipe.Ends pipe = Pipe.open(false);
        Process child = new Process(PipeFull::sendBig, pipe.conn2(), bytes);
        child.start();
        // Once a message is there, its sender has either returned or is blocked for good.
        pipe.conn1().poll(-1);
        child.join(knob("join", 0.5));
        System.out.println("alive after join " + child.isAlive());
        System.out.println("received " + pipe.conn1().recvBytes().length);
        child.join();
        System.out.println("exit " + child.exitCode());
    }
}
