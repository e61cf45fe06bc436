package dev.proclab.ui.timeline;

/** The system properties that run JavaFX without a display, as the build's surefire configuration sets them. */
final class Headless {

    private Headless() {}

    static void setUp() {
        set("testfx.robot", "glass");
        set("testfx.headless", "true");
        set("prism.order", "sw");
        set("glass.platform", "Monocle");
        set("monocle.platform", "Headless");
        set("java.awt.headless", "true");
        set("headless.geometry", "2400x1600-32");
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
