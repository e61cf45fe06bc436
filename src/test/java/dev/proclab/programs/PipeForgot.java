package dev.proclab.programs;

import dev.proclab.engine.Connection;
import dev.proclab.engine.EOFError;
import dev.proclab.engine.Pipe;
import dev.proclab.engine.Process;

/**
 * Python's classic pipe trap: the child sends three messages and ends, but the parent still holds its own
 * copy of the sending end, so its reader sees no EOF until it closes that copy.
 */
public class PipeForgot {
    static void send(Connection w) {
        for (int i = 0; i < 3; i++) {
            w.send(i);
        }
    }

    public static void main(String[] args) {
        Pipe.Ends pipe = Pipe.open(false);
        Connection r = pipe.conn1();
        Connection w = pipe.conn2();
        Process child = new Process(PipeForgot::send, w);
        child.start();
        int got = 0;
        for (int i = 0; i < 3; i++) {
            r.recv();
            got++;
        }
        child.join();
        System.out.println("got " + got);
        System.out.println("poll with my copy open: " + r.poll(0.3));
        w.close();
        try {
            r.recv();
            System.out.println("after closing mine: a message");
        } catch (EOFError e) {
            System.out.println("after closing mine: eof");
        }
        System.out.println("exit " + child.exitCode());
    }
}
