package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import dev.proclab.engine.RLock;

/** A child takes the lock and is killed holding it; the lock stays held. Also RLock re-entry. */
public class DeadHolder {
    static void holdForever(Lock lock) {
        lock.acquire();
        System.out.println("holding");
        sleep(60);
    }

    public static void main(String[] args) {
        Lock lock = new Lock();
        Process p = new Process(DeadHolder::holdForever, lock);
        p.start();
        while (lock.acquire(false)) {
            lock.release();
            sleep(0.02);
        }
        p.kill();
        p.join();
        System.out.println("after kill, acquire: " + lock.acquire(true, 0.3));

        RLock r = new RLock();
        r.acquire();
        r.acquire();
        r.release();
        r.release();
        try {
            r.release();
        } catch (IllegalStateException e) {
            System.out.println("rlock: " + e.getMessage());
        }
    }
}
