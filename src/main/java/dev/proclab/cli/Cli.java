package dev.proclab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line of {@code proclab.jar} when it is given arguments: the headless runner and lesson
 * listing. No JavaFX is loaded on this path, so it runs on machines without a display.
 */
@Command(
        name = "proclab",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Runs ProcLab lessons on real processes, without a window.",
        subcommands = {RunCommand.class, ListCommand.class})
public final class Cli implements Runnable {
    /** Exit code of a run that completed and whose main process exited with 0. */
    public static final int OK = 0;
    /** Exit code of a run that failed: a non-zero exit of the main process, a failed check, a stop. */
    public static final int RUN_FAILED = 1;
    /** Exit code of a request that could not start: unknown lesson or knob, bad value, compile error. */
    public static final int USAGE = 2;
    /**
     * Exit code of a run that did not end by itself before the wall-clock limit ({@code --timeout}): a hang,
     * such as non-daemon consumers waiting forever, and not a crash. The checks say what the processes were
     * waiting for.
     */
    public static final int HUNG = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run or list");
    }

    /** Runs the command line and returns the process exit code; prints to standard out and error. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("proclab: " + ex.getMessage());
            ex.getCommandLine()
                    .getErr()
                    .println("Try 'proclab " + ex.getCommandLine().getCommandName() + " --help' for usage.");
            return USAGE;
        });
        return cl.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"ProcLab " + (v == null ? "(development build)" : v)};
        }
    }
}
