package dev.proclab.ui.timeline;

import javafx.scene.paint.Color;

/**
 * The timeline's colours, light and dark. Built on the Okabe–Ito palette, which stays distinct for the
 * common kinds of colour blindness and survives a washed-out projector; every state also differs by shape
 * or pattern (hatched, solid, thin with "zz", striped) so no meaning rests on colour alone.
 */
record Palette(
        boolean dark,
        Color background,
        Color panel,
        Color stripe,
        Color grid,
        Color text,
        Color muted,
        Color startingFill,
        Color startingHatch,
        Color running,
        Color runningText,
        Color sleepingFill,
        Color sleepingMark,
        Color blocked,
        Color blockedStripe,
        Color blockedText,
        Color printTick,
        Color errTick,
        Color alert,
        Color joinArrow,
        Color spawnArrow,
        Color lockHeld,
        Color lockText,
        Color waiter,
        Color queueFill,
        Color queueLine,
        Color chipText,
        Color flow,
        Color cursor,
        Color cursorText,
        Color pipe,
        Color call) {

    // Okabe & Ito, "Color Universal Design" (2008).
    static final Color ORANGE = Color.web("#E69F00");
    static final Color SKY_BLUE = Color.web("#56B4E9");
    static final Color BLUISH_GREEN = Color.web("#009E73");
    static final Color YELLOW = Color.web("#F0E442");
    static final Color BLUE = Color.web("#0072B2");
    static final Color VERMILLION = Color.web("#D55E00");
    static final Color REDDISH_PURPLE = Color.web("#CC79A7");

    static final Palette LIGHT = new Palette(
            false,
            Color.WHITE,
            Color.web("#F6F8FA"),
            Color.web("#F3F5F7"),
            Color.web("#D0D7DE"),
            Color.web("#1F2328"),
            Color.web("#59636E"),
            Color.web("#F3DDE9"),
            Color.web("#A8527F"),
            BLUE,
            Color.WHITE,
            Color.web("#C6E6F8"),
            Color.web("#1D6E9C"),
            ORANGE,
            Color.web("#B97F00"),
            Color.BLACK,
            Color.web("#1F2328"),
            VERMILLION,
            VERMILLION,
            Color.web("#8F5B00"),
            Color.web("#6E7781"),
            BLUISH_GREEN,
            Color.BLACK,
            ORANGE,
            YELLOW,
            Color.web("#5C5200"),
            Color.BLACK,
            Color.web("#A8527F"),
            Color.web("#1F2328"),
            Color.WHITE,
            BLUE,
            BLUISH_GREEN.darker());

    static final Palette DARK = new Palette(
            true,
            Color.web("#0D1117"),
            Color.web("#161B22"),
            Color.web("#12171E"),
            Color.web("#30363D"),
            Color.web("#E6EDF3"),
            Color.web("#9198A1"),
            Color.web("#4A2A3C"),
            REDDISH_PURPLE,
            SKY_BLUE,
            Color.BLACK,
            Color.web("#1D3F56"),
            SKY_BLUE,
            ORANGE,
            Color.web("#A86F00"),
            Color.BLACK,
            Color.web("#E6EDF3"),
            Color.web("#FF7A33"),
            Color.web("#FF7A33"),
            Color.web("#F5B94A"),
            Color.web("#9198A1"),
            BLUISH_GREEN,
            Color.BLACK,
            ORANGE,
            YELLOW,
            Color.BLACK,
            Color.BLACK,
            REDDISH_PURPLE,
            Color.web("#E6EDF3"),
            Color.BLACK,
            SKY_BLUE,
            BLUISH_GREEN);

    static Palette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }
}
