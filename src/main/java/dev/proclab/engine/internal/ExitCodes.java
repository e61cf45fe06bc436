package dev.proclab.engine.internal;

/** Exit codes and their mapping to Python's {@code exitcode}. */
public final class ExitCodes {
    /** A child halts with this when its supervisor disappeared. */
    public static final int SUPERVISOR_LOST = 70;

    private ExitCodes() {}

    /**
     * Python's {@code exitcode} for a JVM exit status: a status of 128 + n (how both the shell and
     * {@link java.lang.Process#exitValue()} report death by signal n, and how a JVM that runs its
     * shutdown hooks on SIGTERM exits) becomes -n; anything else is kept. A program that calls
     * {@code System.exit(143)} therefore reads as -15: the JVM gives no way to tell the two apart.
     */
    public static int pythonExitCode(int status) {
        if (status > 128 && status <= 128 + 64) {
            return -(status - 128);
        }
        return status;
    }
}
