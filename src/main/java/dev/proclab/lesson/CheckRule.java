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
        VALUES,
        /** The matching lines whose number (the first group) is smaller than the one of the line before. */
        DECREASES;

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

    /**
     * A number measured over the lock events of each selected lock meets {@code expect}: the locks the run
     * created ({@code Lock}, {@code RLock}) whose name matches {@code object} ({@code *} and {@code ?}
     * wildcards; every lock when {@code *}).
     *
     * @param process for {@link LockMeasure#LINES_WHILE_HELD}: whose lines are counted
     * @param matches for {@link LockMeasure#LINES_WHILE_HELD}: which lines are counted; empty otherwise
     */
    record LockRule(
            String object, LockMeasure of, ProcessSelector process, Optional<Pattern> matches, Expectation expect)
            implements CheckRule {
        public LockRule {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(process, "process");
            Objects.requireNonNull(matches, "matches");
            Objects.requireNonNull(expect, "expect");
        }

        @Override
        public String kind() {
            return "lock";
        }
    }

    /** What a {@link LockRule} measures, spelled in {@code lesson.yaml} in lower case with dashes. */
    enum LockMeasure {
        /** The most processes that held the lock at the same moment: 1 for a lock that excludes. */
        HOLDERS_AT_ONCE,
        /** How many times the lock was acquired. */
        ACQUISITIONS,
        /** How many distinct processes had to wait for it. */
        WAITERS,
        /** Lines matching {@code matches}, printed by a selected process while another process held it. */
        LINES_WHILE_HELD;

        String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A number measured over the queue events of each selected queue meets {@code expect}: the queues the run
     * created ({@code Queue}, {@code SimpleQueue}, {@code JoinableQueue}) whose name matches {@code object}.
     */
    record QueueRule(String object, QueueMeasure of, Expectation expect) implements CheckRule {
        public QueueRule {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(expect, "expect");
        }

        @Override
        public String kind() {
            return "queue";
        }
    }

    /** What a {@link QueueRule} measures, spelled in {@code lesson.yaml} in lower case with dashes. */
    enum QueueMeasure {
        /** The most items the queue held at once. */
        MOST_ITEMS,
        /** How many items went in. */
        PUTS,
        /** How many items came out. */
        GETS,
        /** How many items put were not got exactly once (never got, or got more than once). */
        NOT_GOT_ONCE,
        /** How many gets took an item other than the oldest one in the queue (0 for FIFO). */
        OUT_OF_ORDER,
        /** How many puts had to wait for room (blocked while the queue was full, then went in). */
        BLOCKED_PUTS,
        /** How many gets had to wait for an item (blocked while the queue was empty, then got one). */
        BLOCKED_GETS,
        /** How many puts gave up with Full (timeout or non-blocking). */
        FULL_RAISED,
        /** How many gets gave up with Empty (timeout or non-blocking). */
        EMPTY_RAISED,
        /** The most unfinished tasks a JoinableQueue counted when a {@code join()} on it returned. */
        UNFINISHED_AT_JOIN,
        /** The unfinished tasks a JoinableQueue counted when the run ended. */
        UNFINISHED_AT_END;

        String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A number measured over the pool events of each selected pool meets {@code expect}: the pools the run
     * created whose name matches {@code object}.
     */
    record PoolRule(String object, PoolMeasure of, Expectation expect) implements CheckRule {
        public PoolRule {
            Objects.requireNonNull(object, "object");
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(expect, "expect");
        }

        @Override
        public String kind() {
            return "pool";
        }
    }

    /** What a {@link PoolRule} measures, spelled in {@code lesson.yaml} in lower case with dashes. */
    enum PoolMeasure {
        /** How many distinct worker processes ran the pool's tasks. */
        WORKERS,
        /** How many worker processes the pool started (replacements included). */
        WORKER_STARTS,
        /** The most tasks one worker was running at the same moment. */
        BUSY_AT_ONCE,
        /** How many inputs came back to the owner as results (a task of chunk size 4 brings back 4). */
        RESULTS,
        /** How many tasks finished before a task given earlier in the same call. */
        FINISHED_OUT_OF_ORDER;

        String spelling() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The run ended as {@code how} says. */
    record Ended(Ending how) implements CheckRule {
        public Ended {
            Objects.requireNonNull(how, "how");
        }

        @Override
        public String kind() {
            return "ended";
        }
    }

    /** How an {@link Ended} rule wants the run to end. */
    enum Ending {
        /** The lesson's main process ended by itself. */
        COMPLETED,
        /**
         * The run did not end by itself: the wall-clock limit or the Stop button ended it while every process
         * still there was blocked, waiting for something that was never going to happen.
         */
        HANG,
        /** The user stopped the run. */
        STOPPED;

        String spelling() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

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
