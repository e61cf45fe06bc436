package dev.proclab.ui.timeline;

import dev.proclab.engine.event.LockEvent;
import dev.proclab.engine.event.QueueEvent;
import dev.proclab.trace.LaneState;
import dev.proclab.trace.ProcessExit;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/** The timeline's words, in the user's language ({@code timeline.properties}, {@code timeline_zh.properties}). */
final class TimelineText {

    private final ResourceBundle bundle;
    private final Locale locale;
    // The same few reasons are drawn frame after frame: matched against the patterns once each.
    private final Map<String, String> reasons = new HashMap<>();

    TimelineText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("dev.proclab.ui.timeline.timeline", locale);
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    /** Why a process sleeps or waits, from the engine's English words ({@link Reasons}); remembered. */
    String reason(String engineWords) {
        if (reasons.size() > 4096) {
            reasons.clear();
        }
        return reasons.computeIfAbsent(engineWords, r -> Reasons.in(this, r));
    }

    String state(LaneState state) {
        return get("state." + state.name());
    }

    /** How a process ended, in a few words: "exit 0", "killed (SIGKILL)", "killed as daemon". */
    String exit(ProcessExit exit) {
        if (exit.daemonTerminated()) {
            return get("exit.daemon");
        }
        int code = exit.exitCode();
        if (code == -15) {
            return get("exit.sigterm");
        }
        if (code == -9) {
            return get("exit.sigkill");
        }
        if (code < 0) {
            return format("exit.signal", -code);
        }
        // Plain digits: MessageFormat would group a large code as "1,000".
        return format(code == 1 ? "exit.exception" : "exit.normal", Integer.toString(code));
    }

    String lockOp(LockEvent.Op op, String who) {
        return format("lock.op." + op.name(), who);
    }

    String queueOp(QueueEvent.Op op, String who, String item) {
        return format("queue.op." + op.name(), who, item);
    }
}
