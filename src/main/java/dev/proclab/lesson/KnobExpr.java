package dev.proclab.lesson;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression over a lesson's knobs, as a check writes it: {@code ${children} * (${children} + 1) / 2},
 * {@code min(${tickets}, ${buyers})}, {@code ${daemon} and ${child-sleep} > ${parent-sleep}}, {@code
 * ${join} == 'after'}.
 *
 * <p>Values are numbers, booleans or texts. A knob's value has its knob's type: {@code int} and {@code
 * double} knobs are numbers, {@code boolean} knobs booleans, {@code choice} and {@code string} knobs texts.
 * {@link KnobExprParser} checks the types when the lesson is loaded, so evaluation only fails when a knob
 * has no value at all.
 */
public sealed interface KnobExpr {

    /** What an expression yields. */
    enum Type {
        NUMBER,
        BOOLEAN,
        TEXT;

        String article() {
            return switch (this) {
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case TEXT -> "a text";
            };
        }
    }

    Type type();

    /**
     * The value for these knob values: a {@link Double}, {@link Boolean} or {@link String}.
     *
     * @throws IllegalStateException naming the knob, when {@code knobs} has no value for one it reads
     */
    Object eval(Map<String, String> knobs);

    default double number(Map<String, String> knobs) {
        return (Double) eval(knobs);
    }

    default boolean test(Map<String, String> knobs) {
        return (Boolean) eval(knobs);
    }

    /** Whether the expression reads any knob; a plain number needs no explanation in evidence. */
    boolean readsKnobs();

    record Literal(Object value, Type type) implements KnobExpr {
        @Override
        public Object eval(Map<String, String> knobs) {
            return value;
        }

        @Override
        public boolean readsKnobs() {
            return false;
        }
    }

    record KnobRef(Knob knob) implements KnobExpr {
        @Override
        public Type type() {
            return switch (knob.type()) {
                case INT, DOUBLE -> Type.NUMBER;
                case BOOLEAN -> Type.BOOLEAN;
                case CHOICE, STRING -> Type.TEXT;
            };
        }

        @Override
        public Object eval(Map<String, String> knobs) {
            String value = knobs.get(knob.name());
            if (value == null) {
                throw new IllegalStateException("knob '" + knob.name() + "' has no value in this run");
            }
            return switch (type()) {
                case NUMBER -> Double.parseDouble(value.strip());
                case BOOLEAN -> Boolean.parseBoolean(value.strip());
                case TEXT -> value;
            };
        }

        @Override
        public boolean readsKnobs() {
            return true;
        }
    }

    /** Arithmetic ({@code + - * /}), comparison ({@code == != < <= > >=}) or logic ({@code and or}). */
    record Binary(String op, KnobExpr left, KnobExpr right) implements KnobExpr {
        @Override
        public Type type() {
            return switch (op) {
                case "+", "-", "*", "/" -> Type.NUMBER;
                default -> Type.BOOLEAN;
            };
        }

        @Override
        public Object eval(Map<String, String> knobs) {
            switch (op) {
                case "and":
                    return left.test(knobs) && right.test(knobs);
                case "or":
                    return left.test(knobs) || right.test(knobs);
                case "==":
                    return Objects.equals(left.eval(knobs), right.eval(knobs));
                case "!=":
                    return !Objects.equals(left.eval(knobs), right.eval(knobs));
                default:
                    break;
            }
            double a = left.number(knobs);
            double b = right.number(knobs);
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> a / b;
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                default -> throw new IllegalStateException("unknown operator " + op);
            };
        }

        @Override
        public boolean readsKnobs() {
            return left.readsKnobs() || right.readsKnobs();
        }
    }

    /** {@code not x} or {@code -x}. */
    record Unary(String op, KnobExpr operand) implements KnobExpr {
        @Override
        public Type type() {
            return op.equals("not") ? Type.BOOLEAN : Type.NUMBER;
        }

        @Override
        public Object eval(Map<String, String> knobs) {
            return op.equals("not") ? (Object) !operand.test(knobs) : (Object) (-operand.number(knobs));
        }

        @Override
        public boolean readsKnobs() {
            return operand.readsKnobs();
        }
    }

    /** {@code min(a, b, ...)} or {@code max(a, b, ...)} of numbers. */
    record Call(String function, List<KnobExpr> args) implements KnobExpr {
        public Call {
            args = List.copyOf(args);
        }

        @Override
        public Type type() {
            return Type.NUMBER;
        }

        @Override
        public Object eval(Map<String, String> knobs) {
            double result = args.get(0).number(knobs);
            for (KnobExpr arg : args.subList(1, args.size())) {
                double v = arg.number(knobs);
                result = function.equals("min") ? Math.min(result, v) : Math.max(result, v);
            }
            return result;
        }

        @Override
        public boolean readsKnobs() {
            return args.stream().anyMatch(KnobExpr::readsKnobs);
        }
    }
}
