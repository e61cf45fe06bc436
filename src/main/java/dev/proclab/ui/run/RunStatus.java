package dev.proclab.ui.run;

import dev.proclab.trace.RunReport;
import dev.proclab.ui.I18n;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The words of the status bar, from the run controller's state. */
public final class RunStatus {
    private static final int FEW = 4;

    private RunStatus() {}

    /** One sentence: what is going on, or how the last run ended with every process's exit. */
    public static String describe(RunViewModel run, I18n i18n) {
        return switch (run.phase()) {
            case IDLE -> i18n.get("status.idle");
            case COMPILING -> i18n.get("status.compiling");
            case COMPILE_FAILED ->
                i18n.get("status.compileFailed", run.compileErrors().size());
            case RUNNING -> i18n.get("status.running");
            case STOPPING -> i18n.get("status.stopping");
            case FAILED -> i18n.get("status.failed", run.problemProperty().get());
            case ENDED -> ended(run.reportProperty().get(), i18n);
            case REPLAY ->
                i18n.get(
                        "status.replay",
                        run.sourceProperty().get(),
                        ended(run.reportProperty().get(), i18n));
        };
    }

    /** "Completed after 1.23 s · MainProcess exit 0 · Process-1 exit 0". */
    public static String ended(RunReport report, I18n i18n) {
        if (report == null) {
            return "";
        }
        String outcome = report.ending() == null
                ? i18n.get("outcome.UNFINISHED")
                : i18n.get("outcome." + report.ending().outcome());
        return i18n.get("status.ended", outcome, seconds(report.wallTimeMs() / 1000.0), exits(report, i18n));
    }

    /**
     * Every process with its exit when there are a few ("MainProcess exit 0 · Process-1 exit 0"); for
     * more, how many ended which way ("11 processes: 10 × exit 0 · 1 × exit 1"), so the line stays short.
     */
    static String exits(RunReport report, I18n i18n) {
        if (report.processes().size() <= FEW) {
            return all(report, i18n);
        }
        Map<String, Long> byExit = report.processes().stream()
                .collect(Collectors.groupingBy(p -> exit(p, i18n), LinkedHashMap::new, Collectors.counting()));
        String counts = byExit.entrySet().stream()
                .map(e -> e.getValue() + " × " + e.getKey())
                .collect(Collectors.joining(" · "));
        return i18n.get("status.processes", report.processes().size(), counts);
    }

    /** Every process with its exit, for a tooltip. */
    public static String all(RunReport report, I18n i18n) {
        return report.processes().stream()
                .map(p -> p.name() + " " + exit(p, i18n))
                .collect(Collectors.joining(" · "));
    }

    /** Whether a report tells of trouble: not completed, or a process that did not exit with 0. */
    public static boolean isTrouble(RunReport report) {
        if (report == null) {
            return false;
        }
        boolean completed =
                report.ending() != null && "COMPLETED".equals(report.ending().outcome());
        return !completed
                || report.processes().stream()
                        .anyMatch(p -> !p.daemonTerminated() && (p.exitCode() == null || p.exitCode() != 0));
    }

    static String exit(RunReport.ProcessResult p, I18n i18n) {
        if (p.exitCode() == null) {
            return i18n.get("exit.unknown");
        } else if (p.daemonTerminated()) {
            return i18n.get("exit.daemon", p.exitCode());
        } else if (p.signal() != null) {
            return i18n.get("exit.signal", p.signal(), p.exitCode());
        }
        return i18n.get("exit.code", Integer.toString(p.exitCode()));
    }

    /** Seconds with two decimals, the same in every language. */
    public static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.2f", seconds);
    }
}
