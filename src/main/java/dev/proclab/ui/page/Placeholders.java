package dev.proclab.ui.page;

/** Access to the placeholder timeline from outside the package, until the real one is wired in. */
public final class Placeholders {
    private Placeholders() {}

    public static TimelinePane timeline() {
        return new PlaceholderTimeline();
    }
}
