package dev.proclab.engine;

/**
 * The stack trace of an exception thrown in another process, as text: the cause of a
 * {@link TaskFailedException} when the exception itself could not be sent back, like Python's
 * {@code multiprocessing.pool.RemoteTraceback}. Its message is the whole trace.
 */
public class RemoteTraceback extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RemoteTraceback(String traceback) {
        super("\n\"\"\"\n" + traceback.stripTrailing() + "\n\"\"\"", null, false, false);
    }
}
