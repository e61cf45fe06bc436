package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.BoundedSemaphore;
import dev.proclab.engine.Process;
import dev.proclab.engine.Semaphore;
import java.util.ArrayList;
import java.util.List;

/** Workers enter a section guarded by a semaphore of K; a bounded one refuses an extra release. */
public class Section {
    static void work(Semaphore room) {
        try (var in = room.hold()) {
            sleep(0.05);
        }
    }

    public static void main(String[] args) {
        Semaphore room = new Semaphore(knob("k", 2));
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < knob("workers", 6); i++) {
            Process p = new Process(Section::work, room);
            p.start();
            ps.add(p);
        }
        for (Process p : ps) {
            p.join();
        }
        BoundedSemaphore b = new BoundedSemaphore(1);
        try {
            b.release();
        } catch (IllegalStateException e) {
            System.out.println("bounded: " + e.getMessage());
        }
        System.out.println("value " + room.value());
    }
}
