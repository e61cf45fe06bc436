package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.getpid;
import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;

/**
 * For {@code SpareJvmTest}: leaves spare JVMs that no {@code start()} uses. With {@code mode=main} the main
 * process starts one child, joins it, prints {@code joined} and lingers (it keeps a spare meanwhile). With
 * {@code mode=keeper} it starts a child that starts and joins a grandchild, prints {@code keeper <pid>}
 * and lingers (that child now keeps a spare of its own), while the main lingers too.
 */
public class SpareWitness {
    static void nothing() {}

    static void keeper(Double linger) {
        Process grandchild = new Process(SpareWitness::nothing);
        grandchild.start();
        grandchild.join();
        System.out.println("keeper " + getpid());
        sleep(linger);
    }

    public static void main(String[] args) {
        double linger = knob("linger", 3.0);
        if (knob("mode", "main").equals("keeper")) {
            new Process(SpareWitness::keeper, linger).start();
            sleep(linger);
            return;
        }
        Process child = new Process(SpareWitness::nothing);
        child.start();
        child.join();
        System.out.println("joined");
        sleep(linger);
    }
}
