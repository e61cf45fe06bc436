package dev.proclab.programs;

import dev.proclab.engine.Connection;
import dev.proclab.engine.EOFError;
import dev.proclab.engine.Pipe;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;

/**
 * A child puts its copy of the sending end into a queue that nobody reads and ends: the copy on its way
 * keeps the end open only while the child lives, so the reader then meets EOF.
 */
public class PipeInTransit {
    static void park(Connection w, Queue<Connection> nowhere) {
        w.send("hello");
        nowhere.put(w);
        w.close();
    }

    public static void main(String[] args) {
        Pipe.Ends pipe = Pipe.open(false);
        Queue<Connection> nowhere = new Queue<>();
        Process child = new Process(PipeInTransit::park, pipe.conn2(), nowhere);
        child.start();
        pipe.conn2().close();
        Connection r = pipe.conn1();
        System.out.println("got " + r.recv());
        try {
            r.recv();
            System.out.println("a second message");
        } catch (EOFError e) {
            System.out.println("eof, child exit " + (child.isAlive() ? "still running" : "done"));
        }
        child.join();
    }
}
