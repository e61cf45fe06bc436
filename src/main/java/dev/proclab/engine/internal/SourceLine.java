package dev.proclab.engine.internal;

/** Finds the line of the lesson program that called into the engine. */
public final class SourceLine {
    private static final StackWalker WALKER = StackWalker.getInstance();

    private SourceLine() {}

    /** The line number of the nearest caller outside the engine and the JDK, or 0 when there is none. */
    public static int ofCaller() {
        return WALKER.walk(frames -> frames.filter(f -> !isInfrastructure(f.getClassName()))
                .findFirst()
                .map(StackWalker.StackFrame::getLineNumber)
                .orElse(0));
    }

    private static boolean isInfrastructure(String className) {
        return className.startsWith("dev.proclab.engine.")
                || className.startsWith("java.")
                || className.startsWith("jdk.")
                || className.startsWith("sun.");
    }
}
