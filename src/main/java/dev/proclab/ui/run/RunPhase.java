package dev.proclab.ui.run;

/** Where the run controller is. */
public enum RunPhase {
    /** Nothing has run yet for this lesson. */
    IDLE,
    /** javac is compiling the edited program on a background thread. */
    COMPILING,
    /** The program did not compile; the errors are listed. */
    COMPILE_FAILED,
    /** The processes are running. */
    RUNNING,
    /** Stop was pressed; the process tree is being ended. */
    STOPPING,
    /** The run is over; its report is known. */
    ENDED,
    /** The run could not be started (the cache folder could not be written, no JDK compiler, ...). */
    FAILED,
    /** A saved trace is shown; nothing runs. */
    REPLAY;

    /** True while something is under way that Stop can end. */
    public boolean isBusy() {
        return this == COMPILING || this == RUNNING || this == STOPPING;
    }
}
