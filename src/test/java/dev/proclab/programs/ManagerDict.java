package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.getpid;
import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.DictProxy;
import dev.proclab.engine.ListProxy;
import dev.proclab.engine.LockProxy;
import dev.proclab.engine.Manager;
import dev.proclab.engine.Process;
import dev.proclab.engine.QueueProxy;
import dev.proclab.engine.ValueProxy;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Several children change one manager's dict, list and value (under the manager's lock) and report on
 * its queue; the main process reads the results back through the proxies, then shuts the manager down
 * (or, with knob {@code shutdown=false}, leaves that to the end of its main code).
 */
public class ManagerDict {
    @SuppressWarnings("unchecked")
    static void work(DictProxy<String, Long> d, ListProxy<String> l, Object[] shared, Integer who) {
        ValueProxy<Integer> v = (ValueProxy<Integer>) shared[0];
        LockProxy lock = (LockProxy) shared[1];
        QueueProxy<String> q = (QueueProxy<String>) shared[2];
        int keys = (int) shared[3];
        for (int k = 0; k < keys; k++) {
            d.put("w" + who + "-k" + k, getpid());
            l.append("w" + who + "-" + k);
            try (var held = lock.hold()) {
                v.set(v.get() + 1);
            }
        }
        q.put("done " + who);
    }

    public static void main(String[] args) {
        int workers = knob("workers", 3);
        int keys = knob("keys", 5);
        boolean shutdown = knob("shutdown", true);
        Manager m = Manager.start();
        DictProxy<String, Long> d = m.dict();
        ListProxy<String> l = m.list();
        ValueProxy<Integer> v = m.value(0);
        LockProxy lock = m.lock();
        QueueProxy<String> q = m.queue();
        List<Process> ps = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Process p = new Process(ManagerDict::work, d, l, new Object[] {v, lock, q, keys}, w);
            p.start();
            ps.add(p);
        }
        TreeSet<String> done = new TreeSet<>();
        for (int w = 0; w < workers; w++) {
            done.add(q.get());
        }
        for (Process p : ps) {
            p.join();
        }
        System.out.println("done " + done.size());
        System.out.println("keys " + new TreeSet<>(d.keys()).size() + " list " + l.size() + " value " + v.get());
        System.out.println("manager " + m.name() + " pid " + m.pid());
        if (shutdown) {
            m.shutdown();
            System.out.println("alive after shutdown " + m.isAlive());
            try {
                d.size();
            } catch (IllegalStateException e) {
                System.out.println("after shutdown: " + e.getMessage());
            }
        }
    }
}
