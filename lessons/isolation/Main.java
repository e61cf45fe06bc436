import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.Process;

public class Main {

    static int n = 100;

    static void work() {
        n = 0;
        System.out.println("child: n = " + n);
    }

    public static void main(String[] args) throws Exception {
        n = knob("value", 100);
        boolean joinFirst = knob("join", true);

        Process p = new Process(Main::work);
        p.start();
        if (joinFirst) {
            p.join();
        }
        System.out.println("parent: n = " + n);
    }
}
