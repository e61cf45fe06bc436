package dev.proclab.bench;

import static dev.proclab.engine.Multiprocessing.knob;
import static dev.proclab.engine.Multiprocessing.sleep;

import dev.proclab.engine.Process;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lesson program that {@link StartupBench} runs as a real run (its Python twin is
 * {@code src/test/python/startup_bench.py}): starts and joins {@code warmup + n} children with an empty
 * target, one after the other, then a burst of {@code burst} children started in a loop and joined
 * afterwards, then one child that sleeps, whose resident memory it reads after {@code settle} seconds.
 * Before each warm start, before the burst and before the sleeper it waits {@code pause} seconds, so
 * that those starts come after an idle moment (in which the engine boots a spare JVM); the first
 * ({@code warmup}) starts come right after the program began.
 *
 * <p>Prints, after all measurements (so printing does not disturb them): {@code sample cold|warm <child
 * pid> <t0> <t1> <cpu>} per child, {@code t0} read just before {@link Process#start()} and {@code t1} just
 * after {@link Process#join()} returned, {@code cpu} the child's CPU time in clock ticks (what this
 * process's children's CPU time grew by meanwhile); {@code burst <child pid> <t0> <t1>} per child of the
 * burst, {@code t0} just before its {@code start()} and {@code t1} when the whole burst was joined; then
 * {@code rss <pid> <VmRSS kB> <Pss kB>} of the sleeping child. The child's first line is its
 * {@code ProcessStarted} event, which the bench takes from the run's trace.
 */
public class StartupProbe {
    static void empty() {}

    static void idle() {
        sleep(120);
    }

    public static void main(String[] args) throws IOException {
        int n = knob("n", 5);
        int warmup = knob("warmup", 1);
        int burst = knob("burst", 8);
        double settle = knob("settle", 1.0);
        double pause = knob("pause", 0.0);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < warmup + n; i++) {
            if (i >= warmup && pause > 0) {
                sleep(pause);
            }
            Process p = new Process(StartupProbe::empty);
            long cpu0 = childrenCpuTicks();
            long t0 = System.nanoTime();
            p.start();
            p.join();
            long t1 = System.nanoTime();
            long cpu = childrenCpuTicks() - cpu0;
            lines.add("sample " + (i < warmup ? "cold" : "warm") + " " + p.pid() + " " + t0 + " " + t1 + " " + cpu);
        }
        if (burst > 0) {
            if (pause > 0) {
                sleep(pause);
            }
            List<Process> ps = new ArrayList<>();
            long[] t0 = new long[burst];
            for (int i = 0; i < burst; i++) {
                Process p = new Process(StartupProbe::empty);
                t0[i] = System.nanoTime();
                p.start();
                ps.add(p);
            }
            ps.forEach(Process::join);
            long t1 = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                lines.add("burst " + ps.get(i).pid() + " " + t0[i] + " " + t1);
            }
        }
        if (pause > 0) {
            sleep(pause);
        }
        Process sleeper = new Process(StartupProbe::idle);
        sleeper.start();
        sleep(settle);
        long pid = sleeper.pid();
        lines.add("rss " + pid + " " + kiloBytes(Path.of("/proc/" + pid + "/status"), "VmRSS:") + " "
                + kiloBytes(Path.of("/proc/" + pid + "/smaps_rollup"), "Pss:"));
        sleeper.terminate();
        sleeper.join();
        lines.forEach(System.out::println);
    }

    /**
     * The CPU time (user + system, in clock ticks of 10 ms) of this process's children that ended and were
     * waited for: fields 16 and 17 of {@code /proc/self/stat}.
     */
    static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    /** The number of kB on the line of {@code file} that starts with {@code key}, or -1. */
    static long kiloBytes(Path file, String key) throws IOException {
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith(key)) {
                return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
            }
        }
        return -1;
    }
}
