package dev.proclab.lesson;

import dev.proclab.trace.ProcessLane;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which processes of a run a check looks at, written in {@code lesson.yaml} as {@code process: main},
 * {@code children} (every process but the main one), {@code any} (every process), or a name with {@code *}
 * and {@code ?} wildcards such as {@code Process-*}.
 *
 * @param spelling as written in {@code lesson.yaml}
 */
public record ProcessSelector(String spelling) {

    public static final ProcessSelector MAIN = new ProcessSelector("main");
    public static final ProcessSelector CHILDREN = new ProcessSelector("children");
    public static final ProcessSelector ANY = new ProcessSelector("any");

    public ProcessSelector {
        Objects.requireNonNull(spelling, "spelling");
        spelling = spelling.strip();
        if (spelling.isEmpty()) {
            throw new IllegalArgumentException("a process selector is main, children, any or a name");
        }
    }

    public boolean matches(ProcessLane lane) {
        return switch (spelling) {
            case "main" -> lane.main();
            case "children" -> !lane.main();
            case "any" -> true;
            default -> glob().matcher(lane.name()).matches();
        };
    }

    /** The processes in words, for evidence: "the main process", "processes named 'Process-*'". */
    public String describe() {
        return switch (spelling) {
            case "main" -> "the main process";
            case "children" -> "the children";
            case "any" -> "any process";
            default ->
                spelling.contains("*") || spelling.contains("?")
                        ? "processes named '" + spelling + "'"
                        : "the process named '" + spelling + "'";
        };
    }

    /** That the run had none of these processes, as a sentence: "This run had no children." */
    public String noneSentence() {
        return "This run had no "
                + switch (spelling) {
                    case "main" -> "main process";
                    case "children" -> "children";
                    case "any" -> "processes";
                    default -> describe().replaceFirst("^the ", "");
                }
                + ".";
    }

    private Pattern glob() {
        StringBuilder regex = new StringBuilder();
        for (char c : spelling.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    @Override
    public String toString() {
        return spelling;
    }
}
