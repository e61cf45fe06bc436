package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.DictProxy;
import dev.proclab.engine.ListProxy;
import dev.proclab.engine.Manager;

/**
 * The data of a manager lives in its process: once that process is killed, the proxies find nothing.
 * Also an exception raised in the manager process comes back to the caller.
 */
public class ManagerGone {
    public static void main(String[] args) {
        try (Manager m = Manager.start()) {
            DictProxy<String, Integer> d = m.dict();
            ListProxy<Integer> l = m.list();
            d.put("a", 1);
            l.append(7);
            System.out.println("a " + d.get("a") + " last " + l.get(-1));
            try {
                l.get(3);
            } catch (IndexOutOfBoundsException e) {
                System.out.println("raised: " + e.getMessage());
            }
            ProcessHandle.of(m.pid()).ifPresent(ProcessHandle::destroyForcibly);
            while (m.isAlive()) {
                sleep(0.01);
            }
            try {
                d.get("a");
            } catch (IllegalStateException e) {
                System.out.println("after kill: " + e.getMessage().replace(String.valueOf(m.pid()), "PID"));
            }
        }
    }
}
