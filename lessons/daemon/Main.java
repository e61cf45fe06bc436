import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.Process;

public class Main {

    static void work(double seconds) {
        System.out.println("child: alive");
        sleep(seconds);
        System.out.println("child: normal death");
    }

    public static void main(String[] args) throws Exception {
        boolean daemon = knob("daemon", true);
        double childSleep = knob("child-sleep", 3.0);
        double parentSleep = knob("parent-sleep", 1.0);

        Process p = new Process(Main::work, childSleep);
        p.daemon(daemon); // only allowed before start()
        p.start();
        sleep(parentSleep);
        System.out.println("main: ending");
    }
}
