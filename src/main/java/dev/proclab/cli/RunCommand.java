package dev.proclab.cli;

import dev.proclab.engine.event.RunEnded;
import dev.proclab.engine.run.ChildJvm;
import dev.proclab.engine.run.Run;
import dev.proclab.engine.run.RunSpec;
import dev.proclab.lesson.Check;
import dev.proclab.lesson.CheckResult;
import dev.proclab.lesson.CheckRule;
import dev.proclab.lesson.Checks;
import dev.proclab.lesson.CompileException;
import dev.proclab.lesson.CompiledProgram;
import dev.proclab.lesson.KnobException;
import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonCatalog;
import dev.proclab.lesson.LessonCompiler;
import dev.proclab.lesson.LocalizedText;
import dev.proclab.trace.ChromeTraceExporter;
import dev.proclab.trace.RunReport;
import dev.proclab.trace.Trace;
import dev.proclab.trace.TraceFold;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code proclab run <lesson-id>}: compiles the lesson's program, runs it on real processes, prints each
 * process's lines as they happen, a one-line summary and one line per check of the lesson that applies to
 * the knobs, optionally writes the Chrome trace, and exits with {@link Cli#OK}, {@link Cli#RUN_FAILED} (also
 * when a check failed: a lesson's checks are what a run must show), {@link Cli#HUNG} (the run was ended at
 * the wall-clock limit) or {@link Cli#USAGE}.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Runs a lesson's program on real processes and prints what every process printed.")
final class RunCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LESSON", description = "The lesson's id, e.g. start-join.")
    String lessonId;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Sets a knob of the lesson (repeatable).")
    Map<String, String> knobs = new LinkedHashMap<>();

    @Option(names = "--trace", paramLabel = "FILE", description = "Writes the run as Chrome Trace JSON (Perfetto).")
    Path traceFile;

    @Option(names = "--json", description = "Prints one JSON document with the whole run instead of the lines.")
    boolean json;

    @Option(
            names = "--time-scale",
            paramLabel = "X",
            defaultValue = "1",
            description = "Multiplies every sleep of the program: 2 = slow motion, 0.5 = twice as fast.")
    double timeScale;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "60",
            description = "Stops the run after this many seconds of wall-clock time (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Also load lessons from DIR.")
    List<Path> extraDirs = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(timeScale > 0) || timeScale > 100) {
            return usage(err, "--time-scale must be a number above 0 and at most 100, not " + timeScale);
        }
        if (!(timeoutSeconds > 0) || timeoutSeconds > 24 * 3600) {
            return usage(err, "--timeout must be a number of seconds above 0, not " + timeoutSeconds);
        }
        LessonCatalog catalog = Lessons.catalog(extraDirs);
        Lesson lesson = catalog.find(lessonId).orElse(null);
        if (lesson == null) {
            catalog.problems().stream()
                    .filter(p -> p.file().toString().contains(lessonId))
                    .forEach(p -> err.println("proclab: " + p));
            String known = catalog.lessons().stream().map(Lesson::id).collect(Collectors.joining(", "));
            return usage(err, "no lesson '" + lessonId + "'; known lessons: " + known);
        }
        Map<String, String> resolved;
        try {
            resolved = lesson.resolveKnobs(knobs);
        } catch (KnobException e) {
            return usage(err, e.getMessage());
        }
        CompiledProgram program;
        try {
            program = new LessonCompiler().compile(lesson);
        } catch (CompileException e) {
            err.println("proclab: the program of lesson '" + lesson.id() + "' does not compile:");
            e.errors()
                    .forEach(ce -> err.println("  " + lesson.dir().resolve(ce.file()) + ":" + ce.line() + ":"
                            + ce.column() + ": " + ce.message()));
            return Cli.USAGE;
        }
        RunSpec runSpec = RunSpec.of(lesson.id(), program.classpath(), lesson.mainClass(), resolved)
                .withTimeScale(timeScale)
                .withWallClockLimit(Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
        return execute(lesson, runSpec, out, err);
    }

    private int execute(Lesson lesson, RunSpec runSpec, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        // Once per engine version: later children start faster from the class-data-sharing archive.
        ChildJvm.prepareArchive();
        Trace trace = Trace.forRun(runSpec);
        ConsolePrinter printer = json ? null : new ConsolePrinter(out, err);
        Run run = Run.start(runSpec, batch -> {
            trace.accept(batch);
            if (printer != null) {
                printer.accept(batch);
            }
        });
        // Ctrl-C or a kill of the runner must not leave the lesson's processes behind.
        Thread cleanup = new Thread(run::close, "proclab-run-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        RunEnded ended;
        try {
            ended = run.onEnd().join();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running.
            }
        }
        RunReport report = RunReport.of(trace);
        List<CheckResult> checks = Checks.evaluate(lesson, trace);
        if (printer != null) {
            printer.finish();
            out.println(summary(report));
            checks.forEach(c -> out.println(CheckReport.line(c)));
            notJudged(lesson, resolvedKnobs(lesson, trace))
                    .forEach(c -> out.println("check " + c.id() + ": not judged — lesson.yaml gives it no kind yet"));
        } else {
            long start = Math.min(
                    trace.info().startNanos(),
                    TraceFold.fold(trace.snapshot())
                            .firstNanos()
                            .orElse(trace.info().startNanos()));
            out.println(CheckReport.json(report, checks, start));
        }
        if (traceFile != null) {
            ChromeTraceExporter.write(trace, traceFile);
            if (printer != null) {
                out.println("trace written to " + traceFile.toAbsolutePath());
            }
        }
        boolean mainOk = report.processes().stream()
                .filter(RunReport.ProcessResult::main)
                .allMatch(p -> Integer.valueOf(0).equals(p.exitCode()));
        if (ended.outcome() == RunEnded.Outcome.TIMED_OUT) {
            // A hang, not a crash: say whether every process left was waiting (a hang) or still busy.
            CheckResult hang = Checks.evaluate(List.of(HANG), trace.info(), trace.snapshot())
                    .get(0);
            err.println("proclab: run timed out: " + ended.message() + "; "
                    + (hang.passed()
                            ? "it hung: every process left was waiting for something that never came"
                            : "it was still busy: the limit was too short, or the program runs forever"));
            return Cli.HUNG;
        }
        if (ended.outcome() != RunEnded.Outcome.COMPLETED) {
            err.println("proclab: run "
                    + ended.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + ended.message());
            return Cli.RUN_FAILED;
        }
        long failed = checks.stream().filter(CheckResult::failsRun).count();
        if (failed > 0) {
            err.println("proclab: " + failed + " of " + checks.size() + " checks of lesson '" + lesson.id()
                    + "' failed: the run did not show what the lesson says it shows");
            return Cli.RUN_FAILED;
        }
        return mainOk ? Cli.OK : Cli.RUN_FAILED;
    }

    /** The run ended from outside while every process still there was blocked. */
    private static final Check HANG = new Check(
            "hang",
            LocalizedText.of("The run hung."),
            Optional.empty(),
            false,
            Optional.of(new CheckRule.Ended(CheckRule.Ending.HANG)));

    /** The lesson's checks that apply to the run but have no kind, so no result. */
    private static List<Check> notJudged(Lesson lesson, Map<String, String> knobs) {
        return lesson.checks().stream()
                .filter(c -> !c.isJudged() && c.appliesTo(knobs))
                .toList();
    }

    private static Map<String, String> resolvedKnobs(Lesson lesson, Trace trace) {
        Map<String, String> knobs = new LinkedHashMap<>(lesson.defaultKnobs());
        knobs.putAll(trace.info().knobs());
        return knobs;
    }

    /** One line: how it ended, how long it took, and every process with its exit. */
    static String summary(RunReport report) {
        String processes = report.processes().stream()
                .map(p -> p.name() + " " + p.pid() + " " + exit(p))
                .collect(Collectors.joining(", "));
        String how = report.ending() == null
                ? "unfinished"
                : report.ending().outcome().toLowerCase(Locale.ROOT).replace('_', ' ');
        return String.format(
                Locale.ROOT,
                "== %s in %.2f s; %d process%s: %s",
                how,
                report.wallTimeMs() / 1000.0,
                report.processes().size(),
                report.processes().size() == 1 ? "" : "es",
                processes);
    }

    private static String exit(RunReport.ProcessResult p) {
        if (p.exitCode() == null) {
            return "(no exit seen)";
        }
        if (p.daemonTerminated()) {
            return "terminated as a daemon (" + p.exitCode() + ")";
        }
        if (p.signal() != null) {
            return "killed by signal " + p.signal() + " (" + p.exitCode() + ")";
        }
        return "exit " + p.exitCode();
    }

    private static int usage(PrintWriter err, String message) {
        err.println("proclab: " + message);
        return Cli.USAGE;
    }
}
