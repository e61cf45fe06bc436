import static dev.proclab.engine.Multiprocessing.*;

import dev.proclab.engine.Empty;
import dev.proclab.engine.Full;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import java.util.List;
import java.util.Map;

public class Main {

    // The knobs. Every process reads them for itself, like the constants at the top of main.py.
    static final int CAPACITY = knob("capacity", 3);
    static final int ITEMS = knob("items", 6);
    static final double PRODUCER_DELAY = knob("producer-delay", 0.0);
    static final double CONSUMER_DELAY = knob("consumer-delay", 1.0);
    static final String MODE = knob("mode", "blocking");
    static final double TIMEOUT = knob("timeout", 0.5);

    /** Item i, of one of five types in turn: any object that can be sent can go in a queue. */
    static Object makeItem(int i) {
        return switch (i % 5) {
            case 1 -> "text " + i;
            case 2 -> i;
            case 3 -> i + 0.5;
            case 4 -> List.of(i, i * i);
            default -> Map.of("item", i);
        };
    }

    static String describe(Object item) {
        String type = item instanceof List ? "List" : item instanceof Map ? "Map" : item.getClass().getSimpleName();
        return item + " (" + type + ")";
    }

    static void put(Queue<Object> q, Object item) {
        switch (MODE) {
            case "blocking" -> q.put(item); // waits as long as the queue is full
            case "timeout" -> q.put(item, true, TIMEOUT); // waits at most TIMEOUT, then Full
            default -> q.putNowait(item); // Full at once if there is no room
        }
    }

    static Object get(Queue<Object> q) {
        return switch (MODE) {
            case "blocking" -> q.get(); // waits as long as the queue is empty
            case "timeout" -> q.get(true, TIMEOUT); // waits at most TIMEOUT, then Empty
            default -> q.getNowait(); // Empty at once if there is nothing
        };
    }

    /** Puts one item, trying again after every Full until it fits. */
    static void send(Queue<Object> q, Object item) {
        while (true) {
            try {
                put(q, item);
                return;
            } catch (Full e) {
                System.out.println("producer: Full, no room for " + item + " yet");
                if (MODE.equals("nowait")) {
                    sleep(TIMEOUT); // nothing waited for us, so pause before asking again
                }
            }
        }
    }

    /** Takes one item, trying again after every Empty until there is one. */
    static Object receive(Queue<Object> q) {
        while (true) {
            try {
                return get(q);
            } catch (Empty e) {
                System.out.println("consumer: Empty, nothing to take yet");
                if (MODE.equals("nowait")) {
                    sleep(TIMEOUT);
                }
            }
        }
    }

    static void producer(Queue<Object> q) {
        for (int i = 1; i <= ITEMS; i++) {
            sleep(PRODUCER_DELAY);
            Object item = makeItem(i);
            System.out.println("producer: putting " + describe(item));
            send(q, item);
            System.out.println("producer: put " + item);
        }
        System.out.println("producer: putting null, the sign that nothing more will come");
        send(q, null); // the consumer stops when it gets null
        System.out.println("producer: done");
    }

    static void consumer(Queue<Object> q) {
        while (true) {
            sleep(CONSUMER_DELAY);
            Object item = receive(q);
            if (item == null) {
                break;
            }
            System.out.println("consumer: got " + describe(item));
        }
        System.out.println("consumer: done");
    }

    public static void main(String[] args) {
        Queue<Object> q = new Queue<>(CAPACITY);
        System.out.println("main: a queue of capacity " + CAPACITY + ", " + ITEMS + " items, mode " + MODE);
        Process producer = new Process(Main::producer, q).name("producer");
        Process consumer = new Process(Main::consumer, q).name("consumer");
        producer.start();
        consumer.start();
        producer.join();
        consumer.join();
        System.out.println("main: done");
    }
}
