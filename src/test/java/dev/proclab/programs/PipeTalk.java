package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Connection;
import dev.proclab.engine.EOFError;
import dev.proclab.engine.Pipe;
import dev.proclab.engine.Process;

/**
 * A duplex pipe: a child echoes every message back until the parent closes its end (EOF). A one-way
 * pipe: a second child sends numbers, then closes; the parent reads until EOF. Wrong directions and a
 * poll that times out.
 */
public class PipeTalk {
    static void echo(Connection conn) {
        int n = 0;
        try {
            while (true) {
                String m = conn.recv();
                conn.send("echo " + m);
                n++;
            }
        } catch (EOFError e) {
            System.out.println("echo eof after " + n);
        }
    }

    static void count(Connection w, Integer items) {
        for (int i = 0; i < items; i++) {
            w.send(i);
        }
        w.close();
    }

    public static void main(String[] args) {
        int items = knob("items", 20);
        Pipe.Ends duplex = Pipe.open();
        Process echo = new Process(PipeTalk::echo, duplex.conn2());
        echo.start();
        Connection mine = duplex.conn1();
        for (int i = 0; i < items; i++) {
            mine.send("m" + i);
        }
        int echoed = 0;
        for (int i = 0; i < items; i++) {
            String back = mine.recv();
            if (back.equals("echo m" + i)) {
                echoed++;
            }
        }
        System.out.println("echoed in order " + echoed);
        mine.close();
        echo.join();

        Pipe.Ends oneWay = Pipe.open(false);
        Connection r = oneWay.conn1();
        Connection w = oneWay.conn2();
        System.out.println("poll before " + r.poll(0.3));
        Process counter = new Process(PipeTalk::count, w, items);
        counter.start();
        // The child holds its own copy of w now; ours would keep r from ever seeing EOF.
        w.close();
        int sum = 0;
        int got = 0;
        try {
            while (true) {
                int n = r.recv();
                if (n != got) {
                    System.out.println("out of order " + n + " at " + got);
                }
                sum += n;
                got++;
            }
        } catch (EOFError e) {
            System.out.println("one-way got " + got + " sum " + sum + " then eof");
        }
        counter.join();
        try {
            r.send("no");
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
        }
        try {
            w.recv();
        } catch (IllegalStateException e) {
            System.out.println("refused: " + e.getMessage());
        }
        try {
            w.send(1);
        } catch (IllegalStateException e) {
            System.out.println("closed: " + e.getMessage());
        }
    }
}
