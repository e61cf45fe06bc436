package dev.proclab.ui.timeline;

import static dev.proclab.ui.timeline.Events.SUPERVISOR;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/** Hand-made finished runs for the timeline's tests, benchmark and pictures. */
final class TimelineFixtures {

    static final long MAIN = 200;
    static final long CHILD_1 = 201;
    static final long CHILD_2 = 202;
    static final long WATCHER = 203;

    private TimelineFixtures() {}

    /**
     * A start-join run: the main process starts two children and a daemon watcher, joins the children one
     * after the other, and ends; its daemon is terminated when it does.
     */
    static Trace startJoin() {
        return startJoinEvents().trace("start-join");
    }

    static Events startJoinEvents() {
        Events e = new Events();
        e.spawned(0, SUPERVISOR, MAIN, "MainProcess", false, 0)
                .started(80, 300, MAIN, SUPERVISOR, "MainProcess", false, true)
                .spawned(400, MAIN, CHILD_1, "Process-1", false, 42)
                .spawned(420, MAIN, CHILD_2, "Process-2", false, 42)
                .spawned(440, MAIN, WATCHER, "Watcher", true, 44)
                .print(450, MAIN, "main: started 2 children", 48)
                .joining(460, MAIN, CHILD_1, "Process-1", 51)
                .started(700, 900, CHILD_1, MAIN, "Process-1", false, false)
                .print(910, CHILD_1, "child 1 is running", 10)
                .sleeping(920, CHILD_1, 1.0, 11)
                .started(720, 950, CHILD_2, MAIN, "Process-2", false, false)
                .print(955, CHILD_2, "child 2 is running", 10)
                .sleeping(960, CHILD_2, 2.0, 11)
                .started(740, 1000, WATCHER, MAIN, "Watcher", true, false)
                .print(1005, WATCHER, "watching", 20)
                .sleeping(1010, WATCHER, 5.0, 21)
                .running(1920, CHILD_1)
                .print(1921, CHILD_1, "child 1 is done", 12)
                .exiting(1925, CHILD_1, 0)
                .exited(1930, MAIN, CHILD_1, 0)
                .running(1931, MAIN)
                .joining(1932, MAIN, CHILD_2, "Process-2", 51)
                .running(2960, CHILD_2)
                .print(2961, CHILD_2, "child 2 is done", 12)
                .exiting(2965, CHILD_2, 0)
                .exited(2970, MAIN, CHILD_2, 0)
                .running(2971, MAIN)
                .print(2980, MAIN, "main: done after 2.68 s", 55)
                .daemonTerminated(2985, MAIN, WATCHER)
                .exited(2995, MAIN, WATCHER, -15)
                .exiting(2996, MAIN, 0)
                .exited(3000, SUPERVISOR, MAIN, 0)
                .runEnded(3010);
        return e;
    }

    static final long BUYER_1 = 301;
    static final long BUYER_2 = 302;
    static final long BUYER_3 = 303;
    static final long PRODUCER = 304;
    static final long CONSUMER = 305;
    static final int LOCK = 1;
    static final int QUEUE = 2;

    /**
     * Three buyers share a lock (the second dies holding it, the third gives up waiting) while a producer
     * fills a queue of capacity 3 faster than a consumer empties it.
     */
    static Trace lockAndQueue() {
        Events e = new Events();
        long main = 300;
        e.spawned(0, SUPERVISOR, main, "MainProcess", false, 0)
                .started(60, 200, main, SUPERVISOR, "MainProcess", false, true)
                .created(350, main, LOCK, "Lock", "Lock-1", 0, 20)
                .created(360, main, QUEUE, "Queue", "Queue-1", 3, 30);
        String[] names = {"Buyer-1", "Buyer-2", "Buyer-3", "Producer", "Consumer"};
        for (int i = 0; i < 5; i++) {
            long pid = 301 + i;
            e.spawned(400 + 10 * i, main, pid, names[i], false, 35)
                    .started(450 + 10 * i, 550 + 10 * i, pid, main, names[i], false, false);
        }
        e.joining(460, main, BUYER_1, "Buyer-1", 40);
        // The lock: Buyer-1 holds it, Buyer-2 and Buyer-3 queue up; Buyer-2 dies holding it.
        e.lock(600, BUYER_1, LOCK, LockEvent.Op.ACQUIRED, BUYER_1, "", 22)
                .print(605, BUYER_1, "buying", 23)
                .lock(620, BUYER_2, LOCK, LockEvent.Op.WAITING, BUYER_1, "302", 22)
                .state(620, BUYER_2, ProcessState.BLOCKED, "acquire Lock-1", BUYER_1, 22)
                .lock(640, BUYER_3, LOCK, LockEvent.Op.WAITING, BUYER_1, "302 303", 22)
                .state(640, BUYER_3, ProcessState.BLOCKED, "acquire Lock-1", BUYER_1, 22)
                .lock(900, BUYER_1, LOCK, LockEvent.Op.RELEASED, -1, "302 303", 24)
                .lock(900, BUYER_2, LOCK, LockEvent.Op.ACQUIRED, BUYER_2, "303", 22)
                .state(901, BUYER_2, ProcessState.RUNNING, "", -1, 0)
                .state(901, BUYER_3, ProcessState.BLOCKED, "acquire Lock-1", BUYER_2, 22)
                .exiting(910, BUYER_1, 0)
                .exited(915, main, BUYER_1, 0)
                .print(950, BUYER_2, "buying", 23)
                .exited(1100, main, BUYER_2, -9)
                .lock(1101, BUYER_2, LOCK, LockEvent.Op.HOLDER_DIED, BUYER_2, "303", 0)
                .lock(1500, BUYER_3, LOCK, LockEvent.Op.TIMED_OUT, BUYER_2, "", 22)
                .running(1500, BUYER_3)
                .print(1501, BUYER_3, "gave up: the lock is held by a dead process", 26)
                .exiting(1505, BUYER_3, 1)
                .exited(1510, main, BUYER_3, 1);
        // The queue: capacity 3; the fourth put waits for the consumer's first get.
        List<String> in = new ArrayList<>();
        long item = 0;
        for (int k = 0; k < 3; k++) {
            String name = "item-" + (k + 1);
            in.add(name);
            e.queue(
                    620 + 40 * k,
                    PRODUCER,
                    QUEUE,
                    QueueEvent.Op.PUT,
                    ++item,
                    name,
                    in.size(),
                    String.join(" | ", in),
                    0,
                    32);
        }
        e.queue(760, PRODUCER, QUEUE, QueueEvent.Op.BLOCKED_FULL, -1, "", 3, String.join(" | ", in), 0, 32)
                .state(760, PRODUCER, ProcessState.BLOCKED, "put Queue-1 (full)", -1, 32);
        double t = 1000;
        int next = 4;
        for (int k = 0; k < 5; k++) {
            String got = in.remove(0);
            e.queue(t, CONSUMER, QUEUE, QueueEvent.Op.GOT, k + 1, got, in.size(), String.join(" | ", in), 0, 41)
                    .print(t + 2, CONSUMER, "got " + got, 42);
            if (next <= 5) {
                String name = "item-" + next;
                in.add(name);
                if (next == 4) {
                    e.running(t + 1, PRODUCER);
                }
                e.queue(
                        t + 1 + (next - 4) * 90,
                        PRODUCER,
                        QUEUE,
                        QueueEvent.Op.PUT,
                        next,
                        name,
                        in.size(),
                        String.join(" | ", in),
                        0,
                        32);
                next++;
            }
            t += 180;
        }
        e.exiting(1300, PRODUCER, 0)
                .exited(1305, main, PRODUCER, 0)
                .queue(1950, CONSUMER, QUEUE, QueueEvent.Op.BLOCKED_EMPTY, -1, "", 0, "", 0, 41)
                .state(1950, CONSUMER, ProcessState.BLOCKED, "get Queue-1 (empty)", -1, 41)
                .running(1990, main)
                .daemonTerminated(1995, main, CONSUMER)
                .exited(2000, main, CONSUMER, -15)
                .exiting(2005, main, 0)
                .exited(2010, SUPERVISOR, main, 0)
                .runEnded(2020);
        return e.trace("lock-and-queue");
    }
}
