package dev.proclab.programs;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Processes increment a number in a shared file (read, add one, write back), under a lock or not; with
 * knob {@code hold}, each then keeps the lock that many seconds more.
 */
public class FileCounter {
    static final Path FILE = Path.of("counter.txt");

    static void work(Lock lock, Integer times) {
        for (int i = 0; i < times; i++) {
            if (lock != null) {
                try (var held = lock.hold()) {
                    increment();
                    double hold = knob("hold", 0.0);
                    if (hold > 0) {
                        sleep(hold);
                    }
                }
            } else {
                increment();
            }
        }
    }

    static void increment() {
        try {
            int n = Integer.parseInt(Files.readString(FILE).trim());
            Files.writeString(FILE, Integer.toString(n + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        int workers = knob("workers", 4);
        int times = knob("times", 50);
        Files.writeString(FILE, "0");
        Lock lock = knob("lock", true) ? new Lock() : null;
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Process p = new Process(FileCounter::work, lock, times);
            p.start();
            ps.add(p);
        }
        for (Process p : ps) {
            p.join();
        }
        System.out.println("count " + Files.readString(FILE).trim());
    }
}
