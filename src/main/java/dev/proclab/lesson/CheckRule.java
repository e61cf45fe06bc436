package dev.proclab.lesson;

import dev.proclab.engine.event.Output;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a {@link Check} looks for in a run, one kind per record; {@code lesson.yaml} names the kind as the
 * check's key ({@code printed:}, {@code not-printed:}, ...). Patterns are Java regular expressions that
 * may match anywhere in a line ({@link java.util.regex.Matcher#find()}). {@code docs/lessons.md} describes
 * each kind with an example; {@link Checks} evaluates them.
 */
public sealed interface CheckRule {

    /** The kind's key in {@code lesson.yaml}. */
    String kind();

    /** A selected process printed a line matching {@code matches} (on {@code stream}, or either). */
    record Printed(ProcessSelector process, Pattern matches, Optional<Output.Stream> stream) implements CheckRule {
        public Printed {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(matches, "matches");
            Objects.requireNonNull(stream, "stream");
        }

        @Override
        public String kind() {
            return "printed";
        }
    }

    /** The run had selected processes, and none of them printed a line matching {@code matches}. */
    record NotPrinted(ProcessSelector process, Pattern matches, Optional<Output.Stream> stream) implements CheckRule {
        public NotPrinted {
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(matches, "matches");
            Objects.requireNonNull(stream, "stream");
        }

        @Override
        public String kind() {
            return "not-printed";
        }
    }

    /** Every selected process ended with an exit code that meets {@code expect}. */
    record ExitCode(ProcessSelector process, Expectation expect) implements CheckRule {
        @Override
        public String kind() {
            return "exit-code";
        }
    }

    /**
     * Every selected process was ({@code expected} true) or was not (false) terminated because its parent's
     * main code finished while it, a daemon, was still running.
     */
    record DaemonTerminated(ProcessSelector process, boolean expected) implements CheckRule {
        @Override
        public String kind() {
            return "daemon-terminated";
        }
    }

    /** A number counted over the run meets {@code expect}. */
    record Count(Counted of, ProcessSelector process, Optional<Pattern> matches, Expectation expect)
            implements CheckRule {
        @Override
        public String kind() {
            return "count";
        }
    }

    /** What a {@link Count} counts. */
    enum Counted {
        /** The selected processes. */
        PROCESSES,
        /** The lines of the selected processes that match. */
        LINES,
        /** The selected processes that printed a matching line. */
        PIDS,
        /** The distinct texts captured by the pattern's first group in matching lines. */
        VALUES;

        String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The number captured by the first group of {@code matches}, in every matching line of the selected
     * processes, meets {@code expect}; at least one line must match.
     */
    record Compare(ProcessSelector process, Pattern matches, Expectation expect) implements CheckRule {
        @Override
        public String kind() {
            return "compare";
        }
    }

    /**
     * The running time of each selected process, from the start of its code to its exit, in the lesson's
     * own seconds (divided by the run's time scale) meets {@code expect}. With {@code excludeSpawn}, the
     * cost of starting and ending processes is left out, which the time scale does not shrink: see
     * {@link WithoutProcessCosts}.
     */
    record WallTime(ProcessSelector process, Expectation expect, boolean excludeSpawn) implements CheckRule {
        @Override
        public String kind() {
            return "wall-time";
        }
    }

    /** Every moment {@code first} describes happened before every moment {@code then} describes. */
    record Order(Moment first, Moment then) implements CheckRule {
        @Override
        public String kind() {
            return "order";
        }
    }

    /** Moments of a run that an {@link Order} puts in order. */
    sealed interface Moment {
        ProcessSelector process();
    }

    /** Each time a selected process printed a line matching {@code printed}. */
    record LineMoment(ProcessSelector process, Pattern printed) implements Moment {}

    /** When each selected process started its code ({@code end} false) or ended ({@code end} true). */
    record EdgeMoment(ProcessSelector process, boolean end) implements Moment {}

    /** Every one of {@code rules} holds. */
    record All(List<CheckRule> rules) implements CheckRule {
        public All {
            rules = List.copyOf(rules);
        }

        @Override
        public String kind() {
            return "all";
        }
    }
}
