package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.JoinableQueue;
import dev.proclab.engine.Process;

/** Daemon consumers mark each item done; the main process joins the queue and ends. */
public class JoinableWork {
    static void consume(JoinableQueue<Integer> q) {
        while (true) {
            int n = q.get();
            sleep(0.01);
            System.out.println("ate " + n);
            q.taskDone();
        }
    }

    public static void main(String[] args) {
        JoinableQueue<Integer> q = new JoinableQueue<>();
        for (int i = 0; i < 2; i++) {
            Process c = new Process(JoinableWork::consume, q);
            c.daemon(true);
            c.start();
        }
        for (int i = 0; i < 12; i++) {
            q.put(i);
        }
        q.join();
        System.out.println("all done");
        try {
            q.taskDone();
        } catch (IllegalStateException e) {
            System.out.println("extra task_done: " + e.getMessage());
        }
    }
}
