package dev.proclab.ui.code;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * A regular-expression highlighter: good enough for the short programs of the lessons, and unable to
 * fail on a half-typed one (there is no parser to confuse). Each named group of the pattern is a style
 * class ({@code keyword}, {@code string}, ...) that the stylesheet colours under {@code .code-area}.
 */
public final class Syntax {
    private static final List<String> JAVA_KEYWORDS = List.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "record",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "var",
            "void",
            "volatile",
            "while",
            "yield",
            "true",
            "false",
            "null");
    private static final List<String> PYTHON_KEYWORDS = List.of(
            "False",
            "None",
            "True",
            "and",
            "as",
            "assert",
            "async",
            "await",
            "break",
            "class",
            "continue",
            "def",
            "del",
            "elif",
            "else",
            "except",
            "finally",
            "for",
            "from",
            "global",
            "if",
            "import",
            "in",
            "is",
            "lambda",
            "nonlocal",
            "not",
            "or",
            "pass",
            "raise",
            "return",
            "try",
            "while",
            "with",
            "yield");

    /** Java: keywords, strings and chars, comments, annotations, numbers, types (capitalised names). */
    public static final Syntax JAVA = new Syntax(Pattern.compile(String.join(
            "|",
            "(?<comment>//[^\n]*|/\\*(?s:.*?)(?:\\*/|\\z))",
            "(?<string>\"\"\"(?s:.*?)(?:\"\"\"|\\z)|\"(?:[^\"\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\n]|\\\\.)*'?)",
            "(?<annotation>@[A-Za-z_]\\w*)",
            "(?<keyword>\\b(?:" + String.join("|", JAVA_KEYWORDS) + ")\\b)",
            "(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?[LlFfDd]?\\b)",
            "(?<type>\\b[A-Z][A-Za-z0-9_]*\\b)")));

    /** Python: keywords, strings (f-strings too), comments, decorators, numbers, builtins. */
    public static final Syntax PYTHON = new Syntax(Pattern.compile(String.join(
            "|",
            "(?<comment>#[^\n]*)",
            "(?<string>[rRbBfF]{0,2}(?:\"\"\"(?s:.*?)(?:\"\"\"|\\z)|'''(?s:.*?)(?:'''|\\z)"
                    + "|\"(?:[^\"\\\\\n]|\\\\.)*\"?|'(?:[^'\\\\\n]|\\\\.)*'?))",
            "(?<annotation>@[A-Za-z_][\\w.]*)",
            "(?<keyword>\\b(?:" + String.join("|", PYTHON_KEYWORDS) + ")\\b)",
            "(?<number>\\b\\d[\\d_]*(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)",
            "(?<type>\\b(?:print|range|len|self|__name__|__main__)\\b|\\b[A-Z][A-Za-z0-9_]*\\b)")));

    private static final List<String> GROUPS = List.of("comment", "string", "annotation", "keyword", "number", "type");

    private final Pattern pattern;

    private Syntax(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The style of every character of {@code text}: one class per highlighted span, none elsewhere. */
    public StyleSpans<Collection<String>> highlight(String text) {
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        Matcher m = pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue;
            }
            spans.add(List.of(), m.start() - last);
            spans.add(List.of(group(m)), m.end() - m.start());
            last = m.end();
        }
        spans.add(List.of(), text.length() - last);
        return spans.create();
    }

    /** The style class of each highlighted span, for tests and tools: start offset to class. */
    public Map<Integer, String> classesByStart(String text) {
        Map<Integer, String> out = new TreeMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start()) {
                out.put(m.start(), group(m));
            }
        }
        return out;
    }

    private static String group(Matcher m) {
        for (String g : GROUPS) {
            if (m.group(g) != null) {
                return g;
            }
        }
        return "plain";
    }
}
