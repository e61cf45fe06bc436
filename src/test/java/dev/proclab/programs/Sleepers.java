package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;
import java.util.ArrayList;
import java.util.List;

/** N children each sleeping the same time; joined after all starts ("after") or inside the loop. */
public class Sleepers {
    static void nap(double seconds) {
        sleep(seconds);
    }

    public static void main(String[] args) {
        int n = knob("n", 3);
        double seconds = knob("seconds", 0.5);
        boolean serial = knob("join", "after").equals("inside");
        List<Process> started = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Process p = new Process(Sleepers::nap, seconds);
            p.start();
            if (serial) {
                p.join();
            }
            started.add(p);
        }
        for (Process p : started) {
            p.join();
        }
    }
}
