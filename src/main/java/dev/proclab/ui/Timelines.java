package dev.proclab.ui;

import dev.proclab.ui.page.TimelinePane;

/** Makes the lesson page's timeline. */
final class Timelines {
    private Timelines() {}

    static TimelinePane create() {
        return dev.proclab.ui.page.Placeholders.timeline();
    }
}
