package dev.proclab.lesson;

import java.util.Objects;

/**
 * One error javac reported for a lesson program.
 *
 * @param file the source file's name, such as {@code Main.java}; empty for an error about no file
 * @param line 1-based line, 0 when javac gave none
 * @param column 1-based column, 0 when javac gave none
 * @param message javac's message; may span lines (a "cannot find symbol" names the symbol below)
 */
public record CompileError(String file, long line, long column, String message) {

    public CompileError {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Reads like javac's own output: {@code Main.java:12:9: cannot find symbol ...}. */
    @Override
    public String toString() {
        if (file.isEmpty()) {
            return message;
        }
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(message).toString();
    }
}
