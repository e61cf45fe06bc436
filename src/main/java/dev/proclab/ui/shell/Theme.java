package dev.proclab.ui.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** The two looks of the app: AtlantaFX Primer Light and Primer Dark. */
public enum Theme {
    LIGHT,
    DARK;

    /** Installs the theme for the whole application. */
    public void install() {
        Application.setUserAgentStylesheet(
                this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }
}
