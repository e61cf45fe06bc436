package dev.proclab;

import dev.proclab.cli.Cli;
import dev.proclab.ui.ProcLabApp;
import javafx.application.Application;

/**
 * Entry point of {@code proclab.jar}: no arguments start the app, any argument goes to the headless runner.
 *
 * <p>This class must not extend {@link Application}: the JDK launcher refuses such a main class when
 * JavaFX is on the plain classpath ("JavaFX runtime components are missing"), which is how the shaded
 * jar runs.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            Application.launch(ProcLabApp.class, args);
        } else {
            System.exit(Cli.execute(args));
        }
    }
}
