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
        return said().en();
    }

    Say said() {
        return switch (spelling) {
            case "main" -> Say.of("the main process", "主进程");
            case "children" -> Say.of("the children", "子进程");
            case "any" -> Say.of("any process", "任何进程");
            default ->
                spelling.contains("*") || spelling.contains("?")
                        ? Say.of("processes named '" + spelling + "'", "名为 '" + spelling + "' 的进程")
                        : Say.of("the process named '" + spelling + "'", "名为 '" + spelling + "' 的进程");
        };
    }

    /** That the run had none of these processes, as a sentence: "This run had no children." */
    public String noneSentence() {
        return none().en();
    }

    Say none() {
        String en = "This run had no "
                + switch (spelling) {
                    case "main" -> "main process";
                    case "children" -> "children";
                    case "any" -> "processes";
                    default -> describe().replaceFirst("^the ", "");
                }
                + ".";
        String zh = "这次运行没有"
                + switch (spelling) {
                    case "main" -> "主进程";
                    case "children" -> "子进程";
                    case "any" -> "任何进程";
                    default -> said().zh();
                }
                + "。";
        return Say.of(en, zh);
    }

    private Pattern glob() {
        return globPattern(spelling);
    }

    /** A name with {@code *} and {@code ?} wildcards as a pattern that must match a whole name. */
    static Pattern globPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
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
