import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.JoinableQueue;
import dev.proclab.engine.Process;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

public class Main {

    // The knobs. Every process reads them for itself, like the constants at the top of main.py.
    static final int PRODUCERS = knob("producers", 2);
    static final int CONSUMERS = knob("consumers", 2);
    static final int ITEMS = knob("items", 10);
    static final double MAKE_TIME = knob("make-time", 0.5);
    static final double EAT_TIME = knob("eat-time", 0.5);
    static final boolean DAEMON = knob("daemon", true);
    static final boolean JOIN_QUEUE = knob("join-queue", true);

    static final String[] FOODS = {"bun", "dumpling", "noodles", "pancake"};

    static void producer(String food, JoinableQueue<String> q) {
        String me = currentProcess().name();
        Random random = new Random();
        for (int i = 1; i <= ITEMS; i++) {
            sleep(random.nextDouble() * MAKE_TIME); // cooking takes a while
            String item = food + " " + i;
            q.put(item);
            System.out.println(me + " made " + item);
        }
        System.out.println(me + " has finished cooking");
    }

    static void consumer(JoinableQueue<String> q) {
        String me = currentProcess().name();
        Random random = new Random();
        while (true) { // a consumer cannot tell that no more items will come, so it never stops by itself
            String item = q.get();
            sleep(random.nextDouble() * EAT_TIME);
            System.out.println(me + " ate " + item);
            q.taskDone(); // this item is finished with
        }
    }

    public static void main(String[] args) {
        JoinableQueue<String> q = new JoinableQueue<>();

        List<Process> producers = new ArrayList<>();
        for (int i = 1; i <= PRODUCERS; i++) {
            String food = FOODS[(i - 1) % FOODS.length];
            producers.add(new Process(Main::producer, food, q).name("chef " + i));
        }
        List<Process> consumers = new ArrayList<>();
        for (int i = 1; i <= CONSUMERS; i++) {
            Process c = new Process(Main::consumer, q).name("diner " + i);
            c.daemon(DAEMON); // ended when main's code ends, before start() as always
            consumers.add(c);
        }
        for (Process p : producers) {
            p.start();
        }
        for (Process c : consumers) {
            c.start();
        }

        for (Process p : producers) {
            p.join();
        }
        System.out.println("main: every chef has finished");
        if (JOIN_QUEUE) {
            q.join(); // returns once every item put has had its taskDone()
            System.out.println("main: every item has been eaten");
        }
        System.out.println("main: ending");
    }
}
