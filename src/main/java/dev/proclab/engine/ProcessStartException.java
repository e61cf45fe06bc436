package dev.proclab.engine;

/** The operating system did not create a process that {@link Process#start()} asked for. */
public class ProcessStartException extends RuntimeException {
    public ProcessStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
