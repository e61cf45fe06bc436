package dev.proclab.engine;

import dev.proclab.engine.event.ProcessState;
import dev.proclab.engine.internal.ChildRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The module-level functions of Python's {@code multiprocessing} (and the bits of {@code os} and
 * {@code time} its tutorials use), for lesson programs: {@code import static
 * dev.proclab.engine.Multiprocessing.*;}.
 *
 * <p>All of them may be called from any thread of a process of a run. Outside a run (no ProcLab child
 * JVM) they throw {@link IllegalStateException}, except {@link #cpuCount()}, {@link #getpid()},
 * {@link #getppid()} and {@code knob}, which then returns its default.
 */
public final class Multiprocessing {
    private Multiprocessing() {}

    /** The {@link Process} that describes the calling process ({@code MainProcess} in the lesson's main). */
    public static Process currentProcess() {
        return runtime().self();
    }

    /** The live children this process started; those that ended are removed, as Python's does. */
    public static List<Process> activeChildren() {
        return runtime().children().stream().filter(Process::isAlive).toList();
    }

    /** The number of CPUs this machine offers the process. */
    public static int cpuCount() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The operating system's id of the calling process. */
    public static long getpid() {
        return ProcessHandle.current().pid();
    }

    /** The operating system's id of the calling process's parent, or -1 when it has none. */
    public static long getppid() {
        return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L);
    }

    /** Seconds for the reason text without float noise: "0.6", not "0.6000000000000001". */
    private static String shortSeconds(double seconds) {
        double millis = Math.round(seconds * 1000) / 1000.0;
        return Double.toString(Math.abs(millis - seconds) < 1e-9 ? millis : seconds);
    }

    /**
     * Sleeps for {@code seconds} times the run's time scale, shown as SLEEPING on the timeline. An
     * interrupt ends the sleep early and stays set on the thread.
     */
    public static void sleep(double seconds) {
        if (seconds < 0) {
            throw new IllegalArgumentException("sleep length must not be negative: " + seconds);
        }
        ChildRuntime rt = runtime();
        rt.state(ProcessState.SLEEPING, "sleep " + shortSeconds(seconds) + " s", -1);
        try {
            TimeUnit.NANOSECONDS.sleep(scaledNanos(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            rt.state(ProcessState.RUNNING, "", -1);
        }
    }

    /** A lesson knob: the value the run was given for {@code name}, or {@code defaultValue}. */
    public static int knob(String name, int defaultValue) {
        String v = knobText(name);
        return v == null ? defaultValue : Integer.parseInt(v.trim());
    }

    public static long knob(String name, long defaultValue) {
        String v = knobText(name);
        return v == null ? defaultValue : Long.parseLong(v.trim());
    }

    public static double knob(String name, double defaultValue) {
        String v = knobText(name);
        return v == null ? defaultValue : Double.parseDouble(v.trim());
    }

    public static boolean knob(String name, boolean defaultValue) {
        String v = knobText(name);
        return v == null ? defaultValue : Boolean.parseBoolean(v.trim());
    }

    public static String knob(String name, String defaultValue) {
        String v = knobText(name);
        return v == null ? defaultValue : v;
    }

    private static String knobText(String name) {
        ChildRuntime rt = ChildRuntime.current();
        Map<String, String> knobs = rt == null ? Map.of() : rt.knobs();
        return knobs.get(name);
    }

    static long scaledNanos(double seconds) {
        ChildRuntime rt = ChildRuntime.current();
        double scale = rt == null ? 1.0 : rt.timeScale();
        return (long) (seconds * scale * 1e9);
    }

    private static ChildRuntime runtime() {
        ChildRuntime rt = ChildRuntime.current();
        if (rt == null) {
            throw new IllegalStateException(
                    "this works only inside a ProcLab run (a lesson program run by the app or the headless runner)");
        }
        return rt;
    }
}
