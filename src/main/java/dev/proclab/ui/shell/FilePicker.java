package dev.proclab.ui.shell;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/** Asks the user for a file; the app uses file choosers, tests answer with fixed paths. */
public interface FilePicker {
    /** A trace file (Chrome Trace JSON) to open. */
    Optional<Path> traceToOpen(Window owner, String title);

    /** Where to save a trace; {@code suggested} is the file name to propose. */
    Optional<Path> traceToSave(Window owner, String title, String suggested);

    /** Where to save a PNG picture; {@code suggested} is the file name to propose. */
    Optional<Path> pngToSave(Window owner, String title, String suggested);
}
