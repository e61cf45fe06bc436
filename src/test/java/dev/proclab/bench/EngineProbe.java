package dev.proclab.bench;

import static dev.proclab.engine.Multiprocessing.knob;

import dev.proclab.engine.Lock;
import dev.proclab.engine.Process;
import dev.proclab.engine.Queue;
import dev.proclab.engine.Value;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson program that {@link EngineBench} runs as a real run; its Python twin is
 * {@code src/test/python/engine_bench.py}, which does the same steps with {@code multiprocessing}.
 *
 * <p>Knob {@code cases}: a comma-separated list of {@code queue-int}, {@code queue-1k}, {@code pingpong},
 * {@code lock-contended}, {@code lock-alternate}, {@code counter}, {@code pool-default},
 * {@code pool-chunk1}. Knob {@code seconds} (0.5): about how long each measured pass lasts. Every case
 * runs twice: a short calibration pass of {@code n0} operations (also the warm-up), then a measured pass
 * sized from the calibration's rate to last about {@code seconds}. Timing starts once the children are
 * started and waiting, so start-up is not part of any figure; where children finish the work, the end
 * is the latest {@link System#nanoTime()} they report (every JVM reads the same monotonic clock).
 *
 * <p>Prints one line per case: {@code result <case> <value> <n>}, the value in operations per second
 * ({@code pingpong}: microseconds per round trip), then {@code cpu <case> <µs>}: the user + system CPU time
 * of the supervisor (this process's parent), this process and the case's children over the measured pass,
 * per operation (from {@code /proc/<pid>/stat}); or {@code skip <case> <why>}.
 */
public class EngineProbe {
    /** A 1 KiB item, as Python's {@code bytes(1024)}. */
    static final byte[] KIB = new byte[1024];

    public static void main(String[] args) throws Exception {
        double seconds = knob("seconds", 0.5);
        for (String c : knob("cases", "queue-int,queue-1k,pingpong,lock-contended,lock-alternate,counter")
                .split(",")) {
            String name = c.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.startsWith("pool") && poolClass() == null) {
                System.out.println("skip " + name + " no class dev.proclab.engine.Pool in this engine");
                continue;
            }
            int n0 = calibrationSize(name);
            double warm;
            try {
                warm = measure(name, n0);
            } catch (ReflectiveOperationException | RuntimeException e) {
                if (!name.startsWith("pool")) {
                    throw e;
                }
                System.out.println("skip " + name + " the Pool could not be driven: " + e);
                continue;
            }
            boolean perOp = name.equals("pingpong");
            double rate = perOp ? 1e6 / warm : warm;
            int n = (int) Math.max(n0, Math.min(2_000_000, rate * seconds));
            if (name.equals("pool-default")) {
                n = 100_000;
            }
            cpu0 = 0;
            cpu1 = 0;
            double value = measure(name, n);
            System.out.println(String.format(Locale.ROOT, "result %s %.3f %d", name, value, n));
            if (cpu1 > 0) {
                int ops = name.startsWith("lock") || name.equals("counter") ? 2 * n : n;
                System.out.println(String.format(Locale.ROOT, "cpu %s %.3f", name, (cpu1 - cpu0) * 10_000.0 / ops));
            }
        }
    }

    static int calibrationSize(String name) {
        return switch (name) {
            case "pool-default" -> 100_000;
            case "pool-chunk1" -> 2_000;
            default -> 1_000;
        };
    }

    static double measure(String name, int n) throws Exception {
        return switch (name) {
            case "queue-int" -> queue(n, false);
            case "queue-1k" -> queue(n, true);
            case "pingpong" -> pingPong(n);
            case "lock-contended" -> lockContended(n);
            case "lock-alternate" -> lockAlternate(n);
            case "counter" -> counter(n);
            case "pool-default" -> pool(n, 0);
            case "pool-chunk1" -> pool(n, 1);
            default -> throw new IllegalArgumentException("unknown case " + name);
        };
    }

    // ---- queue: one producer -> one consumer ---------------------------------------------------------------

    static void produce(Queue<Object> q, Queue<String> ready, Queue<String> go, Integer n, Boolean kib) {
        ready.put("ready");
        go.get();
        for (int i = 0; i < n; i++) {
            q.put(kib ? KIB : Integer.valueOf(i));
        }
    }

    /** Items per second from the go signal until the consumer (this process) got the last item. */
    static double queue(int n, boolean kib) {
        Queue<Object> q = new Queue<>();
        Queue<String> ready = new Queue<>();
        Queue<String> go = new Queue<>();
        Process p = new Process(EngineProbe::produce, q, ready, go, new Args(n, kib));
        p.start();
        ready.get();
        cpuFrom(p);
        long t0 = System.nanoTime();
        go.put("go");
        for (int i = 0; i < n; i++) {
            Object item = q.get();
            if (kib ? ((byte[]) item).length != 1024 : (Integer) item != i) {
                throw new IllegalStateException("item " + i + " came out of order or damaged");
            }
        }
        long t1 = System.nanoTime();
        cpuTo();
        p.join();
        return n / ((t1 - t0) / 1e9);
    }

    // ---- ping-pong: a round trip through two queues ---------------------------------------------------------

    static void echo(Queue<Integer> in, Queue<Integer> out, Integer n) {
        for (int i = 0; i < n; i++) {
            out.put(in.get());
        }
    }

    /** Microseconds per round trip: put on one queue, the child gets it and puts it on the other. */
    static double pingPong(int n) {
        Queue<Integer> there = new Queue<>();
        Queue<Integer> back = new Queue<>();
        Process p = new Process(EngineProbe::echo, there, back, n + 1);
        p.start();
        there.put(-1);
        back.get(); // the child runs
        cpuFrom(p);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            there.put(i);
            if (back.get() != i) {
                throw new IllegalStateException("echo out of order");
            }
        }
        long t1 = System.nanoTime();
        cpuTo();
        p.join();
        return (t1 - t0) / 1e3 / n;
    }

    // ---- locks ------------------------------------------------------------------------------------------------

    static void hammer(Lock lock, Queue<String> ready, Queue<String> go, Queue<Long> done, Integer n) {
        ready.put("ready");
        go.get();
        long c0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            lock.acquire();
            lock.release();
        }
        done.put(System.nanoTime());
        threadCpu("lock-contended", n, System.nanoTime() - c0);
    }

    /** Pids whose CPU time a case counts: the supervisor, this process and the case's children. */
    static final List<Long> WATCHED = new ArrayList<>();

    static long cpu0;
    static long cpu1;

    /** Starts counting CPU time: the supervisor (this process's parent), this process and {@code children}. */
    static void cpuFrom(Process... children) {
        WATCHED.clear();
        ProcessHandle.current().parent().ifPresent(h -> WATCHED.add(h.pid()));
        WATCHED.add(ProcessHandle.current().pid());
        for (Process p : children) {
            WATCHED.add(p.pid());
        }
        cpu0 = cpuTicks();
    }

    static void cpuTo() {
        cpu1 = cpuTicks();
    }

    /** User + system CPU time of the watched processes, in clock ticks (10 ms), from /proc/<pid>/stat. */
    static long cpuTicks() {
        long sum = 0;
        for (long pid : WATCHED) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (java.io.IOException | RuntimeException e) {
                // Gone: counts nothing more.
            }
        }
        return sum;
    }

    /** With knob {@code threads}: prints the CPU time of each thread of this process per operation. */
    static void threadCpu(String label, int n, long wall) {
        if (!knob("threads", false)) {
            return;
        }
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder sb = new StringBuilder("threads " + label + " n=" + n + " wall/op=" + wall / n / 1000 + "us");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            long cpu = mx.getThreadCpuTime(t.getId());
            sb.append(' ')
                    .append(t.getName())
                    .append('=')
                    .append(cpu / n / 1000.0)
                    .append("us/op");
        }
        long proc = ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        sb.append(" process-total=").append(proc / 1_000_000).append("ms");
        System.out.println(sb);
    }

    /** Acquisitions per second of one lock by two processes that each acquire and release it n times. */
    static double lockContended(int n) {
        Lock lock = new Lock();
        Queue<String> ready = new Queue<>();
        Queue<String> go = new Queue<>();
        Queue<Long> done = new Queue<>();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = new Process(EngineProbe::hammer, lock, ready, go, new Args4(done, n));
            p.start();
            ps.add(p);
        }
        ready.get();
        ready.get();
        cpuFrom(ps.toArray(new Process[0]));
        long t0 = System.nanoTime();
        go.put("go");
        go.put("go");
        long t1 = Math.max(done.get(), done.get());
        cpuTo();
        ps.forEach(Process::join);
        return 2.0 * n / ((t1 - t0) / 1e9);
    }

    static void alternate(Lock mine, Lock theirs, Queue<String> ready, Queue<Long> done, Integer n) {
        ready.put("ready");
        for (int i = 0; i < n; i++) {
            mine.acquire();
            theirs.release();
        }
        done.put(System.nanoTime());
    }

    /**
     * Hand-offs per second between two processes in strict alternation: two locks both held at first; A
     * waits for "ping" and releases "pong", B waits for "pong" and releases "ping"; the main process
     * releases "ping" once to start. Every acquire waits for the other process.
     */
    static double lockAlternate(int n) {
        Lock ping = new Lock();
        Lock pong = new Lock();
        ping.acquire();
        pong.acquire();
        Queue<String> ready = new Queue<>();
        Queue<Long> done = new Queue<>();
        Process a = new Process(EngineProbe::alternate, ping, pong, new Args4b(ready, done, n));
        Process b = new Process(EngineProbe::alternate, pong, ping, new Args4b(ready, done, n));
        a.start();
        b.start();
        ready.get();
        ready.get();
        cpuFrom(a, b);
        long t0 = System.nanoTime();
        ping.release();
        long t1 = Math.max(done.get(), done.get());
        cpuTo();
        a.join();
        b.join();
        return 2.0 * n / ((t1 - t0) / 1e9);
    }

    // ---- shared counter -----------------------------------------------------------------------------------------

    static void add(Value counter, Queue<String> ready, Queue<String> go, Queue<Long> done, Integer n) {
        ready.put("ready");
        go.get();
        for (int i = 0; i < n; i++) {
            try (var held = counter.getLock().hold()) {
                counter.set(counter.intValue() + 1);
            }
        }
        done.put(System.nanoTime());
    }

    /** Guarded increments per second of a shared Value by two processes, n each. */
    static double counter(int n) {
        Value counter = new Value('i', 0);
        Queue<String> ready = new Queue<>();
        Queue<String> go = new Queue<>();
        Queue<Long> done = new Queue<>();
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Process p = new Process(EngineProbe::addTarget, counter, ready, go, new Args4(done, n));
            p.start();
            ps.add(p);
        }
        ready.get();
        ready.get();
        cpuFrom(ps.toArray(new Process[0]));
        long t0 = System.nanoTime();
        go.put("go");
        go.put("go");
        long t1 = Math.max(done.get(), done.get());
        cpuTo();
        ps.forEach(Process::join);
        if (counter.intValue() != 2 * n) {
            throw new IllegalStateException("the guarded counter is " + counter.intValue() + ", not " + 2 * n);
        }
        return 2.0 * n / ((t1 - t0) / 1e9);
    }

    static void addTarget(Value counter, Queue<String> ready, Queue<String> go, Args4 rest) {
        add(counter, ready, go, rest.done, rest.n);
    }

    // ---- Pool (only when the engine has one) ----------------------------------------------------------------------

    static Class<?> poolClass() {
        try {
            return Class.forName("dev.proclab.engine.Pool");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A trivial task: what Python's twin maps too ({@code x * 2}). */
    public static Integer twice(Integer x) {
        return x * 2;
    }

    /**
     * Tasks per second of {@code Pool(2).map} over n integers, by reflection because the Pool may not be
     * built yet: {@code new Pool(2)}, then {@code map(fn, list)} or {@code map(fn, list, chunksize)} with
     * the first functional-interface parameter type the map method takes, and {@code close()}.
     */
    static double pool(int n, int chunksize) throws Exception {
        Class<?> poolType = poolClass();
        Constructor<?> make = poolType.getConstructor(int.class);
        Method map = null;
        for (Method m : poolType.getMethods()) {
            if (m.getName().equals("map") && m.getParameterCount() == (chunksize > 0 ? 3 : 2)) {
                map = m;
            }
        }
        if (map == null) {
            throw new IllegalStateException("Pool has no map method of the expected shape");
        }
        Class<?> fn = map.getParameterTypes()[0];
        Object task = java.lang.reflect.Proxy.newProxyInstance(
                fn.getClassLoader(), new Class<?>[] {fn, Serializable.class}, new Twice());
        List<Integer> xs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            xs.add(i);
        }
        Object pool = make.newInstance(2);
        try {
            List<Integer> two = List.of(0, 1); // the workers run, as in the Python twin
            Object warm = chunksize > 0 ? map.invoke(pool, task, two, chunksize) : map.invoke(pool, task, two);
            List<Process> workers = new ArrayList<>();
            try {
                for (Object w : (List<?>) poolType.getMethod("workers").invoke(pool)) {
                    workers.add((Process) w);
                }
            } catch (NoSuchMethodException e) {
                // The workers' CPU is then not counted.
            }
            cpuFrom(workers.toArray(new Process[0]));
            long t0 = System.nanoTime();
            Object out = chunksize > 0 ? map.invoke(pool, task, xs, chunksize) : map.invoke(pool, task, xs);
            long t1 = System.nanoTime();
            cpuTo();
            if (out instanceof List<?> l
                    && (l.size() != n || !Integer.valueOf(2 * (n - 1)).equals(l.get(n - 1)))) {
                throw new IllegalStateException("Pool.map returned a wrong result");
            }
            return n / ((t1 - t0) / 1e9);
        } finally {
            for (String end : new String[] {"close", "join"}) {
                try {
                    poolType.getMethod(end).invoke(pool);
                } catch (NoSuchMethodException ignored) {
                    // Not every shape of Pool has both.
                }
            }
        }
    }

    /** The task as a serialisable proxy of whatever functional interface {@code map} takes. */
    static final class Twice implements java.lang.reflect.InvocationHandler, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> "twice";
                };
            }
            return twice((Integer) args[0]);
        }
    }

    // ---- argument bundles (a Process takes at most four arguments) -----------------------------------------------

    record Args(Integer n, Boolean kib) implements Serializable {}

    record Args4(Queue<Long> done, Integer n) implements Serializable {}

    record Args4b(Queue<String> ready, Queue<Long> done, Integer n) implements Serializable {}

    static void produce(Queue<Object> q, Queue<String> ready, Queue<String> go, Args a) {
        produce(q, ready, go, a.n(), a.kib());
    }

    static void hammer(Lock lock, Queue<String> ready, Queue<String> go, Args4 a) {
        hammer(lock, ready, go, a.done(), a.n());
    }

    static void alternate(Lock mine, Lock theirs, Args4b a) {
        alternate(mine, theirs, a.ready(), a.done(), a.n());
    }
}
