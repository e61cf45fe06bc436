package dev.proclab.engine.internal;

import dev.proclab.engine.Process;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The entry point of every child JVM of a run: the lesson's main process and every process it starts.
 *
 * <p>Reads its {@link Bootstrap} from standard input, connects to the supervisor, reports that it
 * started, runs the lesson's {@code main} or the {@link Process}'s {@code run()}, then does what Python
 * does at a process's end (daemon children terminated, the others joined) and exits: 0 normally, 1 when
 * the code threw (its stack trace printed on standard error first).
 *
 * <p>With the argument {@link SpareJvm#ARG} the JVM is a spare: it prepares what every child needs and
 * only then waits for its bootstrap; end-of-file instead of a bootstrap ends it silently (see
 * {@link SpareJvm}). {@code ProcessStarted.bootNanos} is then the moment the bootstrap was read when the
 * spare had booted before its bootstrap came, and the JVM's {@code main} when it came first.
 *
 * <p>With {@code -Dproclab.startupPhases=true} among the child flags (the start-up benchmark sets it) it
 * also writes {@code proclab-phases <pid> <boot> <bootstrap read> <runtime started> <prepared> <connected>
 * <socket up>} (each a {@link System#nanoTime()}; the last one on the channel's writer thread) to the JVM's
 * own standard error once it reported {@code ProcessStarted}.
 */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) {
        long bootNanos = System.nanoTime();
        if (args.length > 0 && args[0].equals("--warmup")) {
            Warmup.run();
            return;
        }
        PrintStream rawErr = System.err;
        boolean spare = args.length > 0 && args[0].equals(SpareJvm.ARG);
        ChildRuntime rt;
        Object code;
        long read;
        long started;
        long prepared;
        try {
            Bootstrap bootstrap;
            if (spare) {
                SpareJvm.Receiver receiver = SpareJvm.receive(System.in);
                boolean bootedAhead = SpareJvm.prepare(receiver);
                bootstrap = receiver.await();
                read = System.nanoTime();
                if (bootedAhead) {
                    // A spare booted before its process was asked for: this process's start-up began when its
                    // bootstrap arrived, not when the JVM booted.
                    bootNanos = receiver.arrivedNanos();
                }
            } else {
                bootstrap = Bootstrap.readFrom(System.in);
                read = System.nanoTime();
            }
            // Connecting (on another thread) and rebuilding the Process overlap: each costs a fresh JVM
            // tens of milliseconds.
            rt = ChildRuntime.start(bootstrap, bootNanos);
            if (rt.isMain()) {
                // Boot a spare now, so that the lesson's first start() may find it ready.
                rt.spares().replenish(0);
            }
            started = System.nanoTime();
            code = prepare(rt);
            prepared = System.nanoTime();
            rt.channel().awaitConnected();
        } catch (IOException | RuntimeException e) {
            // Nothing reached the supervisor yet: the raw standard error is all we have.
            rawErr.println("ProcLab child could not join its run: " + e);
            Runtime.getRuntime().halt(ExitCodes.SUPERVISOR_LOST);
            return;
        }
        long connected = System.nanoTime();
        rt.reportStarted();
        if (Boolean.getBoolean("proclab.startupPhases")) {
            // For the start-up benchmark only: raw standard error reaches the supervisor as a JVM line.
            rawErr.println("proclab-phases " + rt.pid() + " " + bootNanos + " " + read + " " + started + " " + prepared
                    + " " + connected + " " + rt.channel().connectedNanos());
        }
        int exitCode = 0;
        try {
            if (code instanceof Method main) {
                main.invoke(null, (Object) new String[0]);
            } else {
                ((Process) code).run();
            }
        } catch (InvocationTargetException e) {
            exitCode = failed(rt, e.getCause());
        } catch (Throwable t) {
            exitCode = failed(rt, t);
        }
        rt.finish(exitCode);
        Runtime.getRuntime().halt(exitCode);
    }

    /** Finds the lesson's main method, or rebuilds the {@link Process} object sent by the parent. */
    static Object prepare(ChildRuntime rt) throws IOException {
        var bridge = ProcessAccess.get();
        Bootstrap b = rt.bootstrap();
        long pid = rt.pid();
        if (b.isMain()) {
            rt.self(bridge.mainProcess(pid));
            try {
                Method main = Class.forName(b.mainClass()).getMethod("main", String[].class);
                main.setAccessible(true);
                return main;
            } catch (ReflectiveOperationException e) {
                throw new IOException("lesson class " + b.mainClass() + " has no public static main(String[])", e);
            }
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(b.payload()))) {
            Process p = (Process) in.readObject();
            bridge.becomeCurrent(p, pid);
            rt.self(p);
            return p;
        } catch (ClassNotFoundException e) {
            throw new IOException("class " + e.getMessage() + " of " + b.name() + " is missing in the child", e);
        }
    }

    private static int failed(ChildRuntime rt, Throwable t) {
        if (!rt.isMain()) {
            System.err.println("Process " + rt.name() + ":");
        }
        t.printStackTrace();
        return 1;
    }
}
