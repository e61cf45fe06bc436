package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.DictProxy;
import dev.proclab.engine.Empty;
import dev.proclab.engine.LockProxy;
import dev.proclab.engine.Manager;
import dev.proclab.engine.Process;
import dev.proclab.engine.QueueProxy;

/**
 * A manager's lock held by one child while another child waits for it inside the manager process; the
 * main process meanwhile changes the manager's dict, which the manager keeps serving. Also a timed get
 * on the manager's empty queue and the release of a lock that is not held.
 */
public class ManagerWaits {
    static void holder(LockProxy lock, QueueProxy<String> events, QueueProxy<String> go) {
        lock.acquire();
        events.put("held");
        go.get();
        lock.release();
    }

    static void waiter(LockProxy lock, QueueProxy<String> events) {
        events.put("trying");
        lock.acquire();
        lock.release();
        events.put("got it");
    }

    public static void main(String[] args) {
        try (Manager m = Manager.start()) {
            LockProxy lock = m.lock();
            DictProxy<String, Integer> d = m.dict();
            QueueProxy<String> events = m.queue();
            QueueProxy<String> go = m.queue();
            Process holder = new Process(ManagerWaits::holder, lock, events, go);
            holder.start();
            System.out.println(events.get());
            Process waiter = new Process(ManagerWaits::waiter, lock, events);
            waiter.start();
            System.out.println(events.get());
            sleep(0.3);
            for (int i = 0; i < 5; i++) {
                d.put("k" + i, i);
            }
            go.put("go");
            System.out.println(events.get());
            holder.join();
            waiter.join();
            System.out.println("size " + d.size());
            try {
                go.get(true, 0.2);
            } catch (Empty e) {
                System.out.println("empty: " + e.getMessage());
            }
            try {
                lock.release();
            } catch (IllegalStateException e) {
                System.out.println("release: " + e.getMessage());
            }
        }
    }
}
