package dev.proclab.ui.timeline;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a process sleeps or waits, in the timeline's language. The engine writes each reason in English
 * ({@code "get: Queue-1 is empty"}); every form it writes has a pattern here and a text {@code reason.*}
 * in {@code timeline.properties} (which gives back the engine's own words) and {@code
 * timeline_zh.properties}. Names, pids, numbers and Python's method names ({@code get}, {@code join}) stay
 * as they are; a reason no pattern knows is shown as the engine wrote it.
 */
final class Reasons {

    /** @param seconds the group holding a number of seconds, or 0 */
    private record Form(Pattern pattern, String key, int seconds) {}

    private static final String NAME = "(\\S+)";
    private static final String SECONDS = "(\\d+(?:\\.\\d+)?(?:E-?\\d+)?)";

    // The more specific forms first: "join X: ..." before "join X".
    private static final List<Form> FORMS = List.of(
            form("sleep " + SECONDS + " s", "sleep", 1),
            form("join " + NAME + " \\(timeout " + SECONDS + " s\\)", "joinTimeout", 2),
            form("join " + NAME + ": waiting for its tasks to finish", "poolJoin"),
            form("join " + NAME + ": (\\d+) unfinished", "queueJoin"),
            form("join " + NAME, "join"),
            form("waiting for a task from " + NAME, "poolTake"),
            form("waiting for (\\S+) on " + NAME, "poolResult"),
            form("(.+): take back " + NAME + " held by pid (\\d+)", "takeBack"),
            form("(.+): take back " + NAME + " held by a dead process \\(pid (\\d+)\\)", "takeBackDead"),
            form("acquire " + NAME + " held by pid (\\d+)", "lockHeld"),
            form("acquire " + NAME + " held by a dead process \\(pid (\\d+)\\)", "lockDead"),
            form("acquire " + NAME + ": (\\d+) inside, none free", "semaphoreFull"),
            form("put: " + NAME + " is full \\((\\d+) items\\)", "queueFull"),
            form("get: " + NAME + " is empty", "queueEmpty"),
            form("wait " + NAME + " \\(not set\\)", "eventWait"),
            form("wait " + NAME + " \\(for a notify\\)", "conditionWait"),
            form("wait " + NAME + " timed out", "conditionTimedOut"),
            form("wait " + NAME + " notified", "conditionNotified"),
            form("wait " + NAME + ": the last arrival runs the action", "barrierAction"),
            form("wait " + NAME + ": (\\d+) of (\\d+) arrived", "barrierWait"),
            form("send: (.+) is full \\((\\d+) bytes waiting\\)", "pipeFull"),
            form("recv: nothing at (.+)", "pipeEmpty"),
            form("poll: waiting for a message at (.+)", "pipePoll"),
            form("start " + NAME + ": waiting for its process to serve", "managerStart"),
            form("call " + NAME + ": (\\S+)", "managerCall"),
            form("serve: " + NAME + " waits for proxy calls", "managerServe"));

    private Reasons() {}

    private static Form form(String regex, String key) {
        return form(regex, key, 0);
    }

    private static Form form(String regex, String key, int seconds) {
        return new Form(Pattern.compile(regex), "reason." + key, seconds);
    }

    /**
     * A number of seconds as the engine wrote it ({@code Double.toString}: "0.6000000000000001", "1.0E-4"),
     * to four significant digits and at least one decimal: "0.6", "1.0", "0.0001".
     */
    static String seconds(String engineNumber) {
        try {
            BigDecimal d = new BigDecimal(Double.parseDouble(engineNumber))
                    .round(new MathContext(4))
                    .stripTrailingZeros();
            return (d.scale() < 1 ? d.setScale(1) : d).toPlainString();
        } catch (NumberFormatException e) {
            return engineNumber;
        }
    }

    /** {@code reason} in the words of {@code text}; unchanged when it is empty or of a form not known here. */
    static String in(TimelineText text, String reason) {
        if (reason.isEmpty()) {
            return reason;
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(reason);
            if (m.matches()) {
                Object[] parts = new Object[m.groupCount()];
                for (int i = 0; i < parts.length; i++) {
                    String part = m.group(i + 1);
                    // A reason inside a reason (a condition's wait that takes its lock back).
                    if (i == 0 && form.key().startsWith("reason.takeBack")) {
                        part = in(text, part);
                    } else if (i + 1 == form.seconds()) {
                        part = seconds(part);
                    }
                    parts[i] = part;
                }
                return text.format(form.key(), parts);
            }
        }
        return reason;
    }
}
