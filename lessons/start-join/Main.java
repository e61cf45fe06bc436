import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.Process;
import java.util.ArrayList;
import java.util.List;

public class Main {

    static void task(String who, int seconds) {
        System.out.println(who + " is running");
        sleep(seconds);
        System.out.println(who + " is done");
    }

    // The second way to define a process: subclass Process and override run().
    static class Worker extends Process {
        private final String who;
        private final int seconds;

        Worker(String who, int seconds) {
            this.who = who;
            this.seconds = seconds;
        }

        @Override
        public void run() {
            task(who, seconds);
        }
    }

    public static void main(String[] args) throws Exception {
        int children = knob("children", 3);
        String join = knob("join", "after");
        String style = knob("style", "target");

        long start = System.nanoTime();
        List<Process> started = new ArrayList<>();
        for (int i = 1; i <= children; i++) {
            Process p = style.equals("subclass")
                    ? new Worker("child " + i, i)
                    : new Process(Main::task, "child " + i, i);
            p.start();
            if (join.equals("inside")) {
                p.join();
            }
            started.add(p);
        }
        System.out.println("main: started " + children + " children");
        if (join.equals("after")) {
            for (Process p : started) {
                p.join();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf("main: done after %.2f s%n", elapsed);
    }
}
