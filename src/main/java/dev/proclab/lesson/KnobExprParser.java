package dev.proclab.lesson;

import dev.proclab.lesson.KnobExpr.Binary;
import dev.proclab.lesson.KnobExpr.Call;
import dev.proclab.lesson.KnobExpr.KnobRef;
import dev.proclab.lesson.KnobExpr.Literal;
import dev.proclab.lesson.KnobExpr.Type;
import dev.proclab.lesson.KnobExpr.Unary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and type-checks a {@link KnobExpr} against a lesson's knobs, so that a mistake is reported when
 * the lesson is loaded rather than when a run is judged.
 *
 * <pre>
 * or      := and ('or' and)*
 * and     := not ('and' not)*
 * not     := 'not' not | compare
 * compare := sum (('==' | '!=' | '<' | '<=' | '>' | '>=') sum)?
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | atom
 * atom    := number | 'text' | "text" | true | false | ${knob} | (min|max) '(' sum (',' sum)* ')' | '(' or ')'
 * </pre>
 *
 * The signs {@code ≤ ≥ ≠} may stand for {@code <= >= !=}.
 */
final class KnobExprParser {

    /** A mistake in an expression, with the 0-based character where it was found. */
    static final class ExprException extends Exception {
        private static final long serialVersionUID = 1L;
        final int position;

        ExprException(String message, int position) {
            super(message);
            this.position = position;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:"
            + "(?<number>(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?)"
            + "|\\$\\{(?<knob>[^}]*)}"
            + "|'(?<single>[^']*)'|\"(?<double>[^\"]*)\""
            + "|(?<word>[A-Za-z_][A-Za-z0-9_]*)"
            + "|(?<op>==|!=|<=|>=|[<>+\\-*/(),≤≥≠])"
            + ")");
    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    private record Token(String kind, String text, int at) {}

    private final String source;
    private final Map<String, Knob> knobs;
    private final List<Token> tokens = new ArrayList<>();
    private int next;

    private KnobExprParser(String source, Map<String, Knob> knobs) {
        this.source = source;
        this.knobs = knobs;
    }

    /** A whole expression of any type. */
    static KnobExpr parse(String source, Map<String, Knob> knobs) throws ExprException {
        KnobExprParser parser = new KnobExprParser(source, knobs);
        parser.tokenize();
        KnobExpr expr = parser.or();
        parser.expectEnd();
        return expr;
    }

    /** An expression that must be a condition (true or false). */
    static KnobExpr parseCondition(String source, Map<String, Knob> knobs) throws ExprException {
        KnobExpr expr = parse(source, knobs);
        if (expr.type() != Type.BOOLEAN) {
            throw new ExprException("'" + source.strip() + "' is " + expr.type().article() + ", not a condition", 0);
        }
        return expr;
    }

    /** An arithmetic expression that must yield a number. */
    static KnobExpr parseNumber(String source, Map<String, Knob> knobs) throws ExprException {
        KnobExprParser parser = new KnobExprParser(source, knobs);
        parser.tokenize();
        KnobExpr expr = parser.sum();
        parser.expectEnd();
        parser.require(expr, Type.NUMBER, 0, "the expected value");
        return expr;
    }

    private void tokenize() throws ExprException {
        Matcher m = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (source.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw new ExprException(
                        "unexpected '" + source.substring(at).strip().charAt(0) + "'", at);
            }
            int start =
                    m.start() + (m.group().length() - m.group().stripLeading().length());
            if (m.group("number") != null) {
                tokens.add(new Token("number", m.group("number"), start));
            } else if (m.group("knob") != null) {
                tokens.add(new Token("knob", m.group("knob").strip(), start));
            } else if (m.group("single") != null || m.group("double") != null) {
                tokens.add(new Token("text", m.group("single") != null ? m.group("single") : m.group("double"), start));
            } else if (m.group("word") != null) {
                tokens.add(new Token("word", m.group("word"), start));
            } else {
                String op =
                        switch (m.group("op")) {
                            case "≤" -> "<=";
                            case "≥" -> ">=";
                            case "≠" -> "!=";
                            default -> m.group("op");
                        };
                tokens.add(new Token("op", op, start));
            }
            at = m.end();
        }
    }

    private KnobExpr or() throws ExprException {
        KnobExpr left = and();
        while (peekIs("word", "or")) {
            Token op = tokens.get(next++);
            left = logic("or", left, and(), op);
        }
        return left;
    }

    private KnobExpr and() throws ExprException {
        KnobExpr left = not();
        while (peekIs("word", "and")) {
            Token op = tokens.get(next++);
            left = logic("and", left, not(), op);
        }
        return left;
    }

    private KnobExpr logic(String op, KnobExpr left, KnobExpr right, Token at) throws ExprException {
        require(left, Type.BOOLEAN, at.at(), "the left side of '" + op + "'");
        require(right, Type.BOOLEAN, at.at(), "the right side of '" + op + "'");
        return new Binary(op, left, right);
    }

    private KnobExpr not() throws ExprException {
        if (peekIs("word", "not")) {
            Token op = tokens.get(next++);
            KnobExpr operand = not();
            require(operand, Type.BOOLEAN, op.at(), "what follows 'not'");
            return new Unary("not", operand);
        }
        return compare();
    }

    private KnobExpr compare() throws ExprException {
        KnobExpr left = sum();
        Token op = peek();
        if (op == null || !op.kind().equals("op") || !COMPARISONS.contains(op.text())) {
            return left;
        }
        next++;
        KnobExpr right = sum();
        if (op.text().equals("==") || op.text().equals("!=")) {
            if (left.type() != right.type()) {
                throw new ExprException(
                        "'" + op.text() + "' compares " + left.type().article() + " with "
                                + right.type().article(),
                        op.at());
            }
            checkChoice(left, right, op.at());
            checkChoice(right, left, op.at());
        } else {
            require(left, Type.NUMBER, op.at(), "the left side of '" + op.text() + "'");
            require(right, Type.NUMBER, op.at(), "the right side of '" + op.text() + "'");
        }
        return new Binary(op.text(), left, right);
    }

    /** {@code ${join} == 'afterr'} can never hold: say so now rather than silently skip the check. */
    private static void checkChoice(KnobExpr a, KnobExpr b, int at) throws ExprException {
        if (a instanceof KnobRef ref && b instanceof Literal lit && lit.value() instanceof String text) {
            Knob knob = ref.knob();
            if (knob.type() == KnobType.CHOICE && !knob.choices().contains(text)) {
                throw new ExprException(
                        "'" + text + "' is not a choice of knob '" + knob.name() + "' ("
                                + String.join(", ", knob.choices()) + ")",
                        at);
            }
        }
    }

    private KnobExpr sum() throws ExprException {
        KnobExpr left = product();
        while (peekIs("op", "+") || peekIs("op", "-")) {
            Token op = tokens.get(next++);
            left = arithmetic(op, left, product());
        }
        return left;
    }

    private KnobExpr product() throws ExprException {
        KnobExpr left = unary();
        while (peekIs("op", "*") || peekIs("op", "/")) {
            Token op = tokens.get(next++);
            left = arithmetic(op, left, unary());
        }
        return left;
    }

    private KnobExpr arithmetic(Token op, KnobExpr left, KnobExpr right) throws ExprException {
        require(left, Type.NUMBER, op.at(), "the left side of '" + op.text() + "'");
        require(right, Type.NUMBER, op.at(), "the right side of '" + op.text() + "'");
        return new Binary(op.text(), left, right);
    }

    private KnobExpr unary() throws ExprException {
        if (peekIs("op", "-")) {
            Token op = tokens.get(next++);
            KnobExpr operand = unary();
            require(operand, Type.NUMBER, op.at(), "what follows '-'");
            return new KnobExpr.Unary("-", operand);
        }
        return atom();
    }

    private KnobExpr atom() throws ExprException {
        Token t = peek();
        if (t == null) {
            throw new ExprException(
                    source.isBlank() ? "the expression is empty" : "the expression ends too early", source.length());
        }
        next++;
        switch (t.kind()) {
            case "number":
                return new Literal(Double.parseDouble(t.text()), Type.NUMBER);
            case "text":
                return new Literal(t.text(), Type.TEXT);
            case "knob":
                Knob knob = knobs.get(t.text());
                if (knob == null) {
                    throw new ExprException(
                            "unknown knob '" + t.text() + "'"
                                    + (knobs.isEmpty()
                                            ? "; the lesson has no knobs"
                                            : "; the lesson's knobs are " + String.join(", ", knobs.keySet())),
                            t.at());
                }
                return new KnobRef(knob);
            case "word":
                return word(t);
            default:
                if (t.text().equals("(")) {
                    KnobExpr inner = or();
                    expect(")");
                    return inner;
                }
                throw new ExprException("unexpected '" + t.text() + "'", t.at());
        }
    }

    private KnobExpr word(Token t) throws ExprException {
        switch (t.text()) {
            case "true":
                return new Literal(true, Type.BOOLEAN);
            case "false":
                return new Literal(false, Type.BOOLEAN);
            case "min":
            case "max":
                expect("(");
                List<KnobExpr> args = new ArrayList<>();
                do {
                    KnobExpr arg = sum();
                    require(arg, Type.NUMBER, t.at(), "an argument of " + t.text() + "()");
                    args.add(arg);
                } while (consume(","));
                expect(")");
                return new Call(t.text(), args);
            default:
                throw new ExprException(
                        "unknown word '" + t.text() + "': write a knob as ${name} and a text in quotes, as 'after'",
                        t.at());
        }
    }

    private void require(KnobExpr expr, Type type, int at, String what) throws ExprException {
        if (expr.type() != type) {
            throw new ExprException(
                    what + " must be " + type.article() + ", not " + expr.type().article(), at);
        }
    }

    private void expect(String op) throws ExprException {
        if (!consume(op)) {
            Token t = peek();
            throw new ExprException(
                    "expected '" + op + "'" + (t == null ? " at the end" : " before '" + t.text() + "'"),
                    t == null ? source.length() : t.at());
        }
    }

    private void expectEnd() throws ExprException {
        Token t = peek();
        if (t != null) {
            throw new ExprException("unexpected '" + t.text() + "'", t.at());
        }
    }

    private boolean consume(String op) {
        if (peekIs("op", op)) {
            next++;
            return true;
        }
        return false;
    }

    private boolean peekIs(String kind, String text) {
        Token t = peek();
        return t != null && t.kind().equals(kind) && t.text().equals(text);
    }

    private Token peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }
}
