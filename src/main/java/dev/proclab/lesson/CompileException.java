package dev.proclab.lesson;

import java.util.List;
import java.util.stream.Collectors;

/** A lesson program that does not compile; the message lists every error, one per line. */
public class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<CompileError> errors;

    public CompileException(List<CompileError> errors) {
        super(errors.stream().map(CompileError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    /** The errors in the order javac reported them; never empty. */
    public List<CompileError> errors() {
        return errors;
    }
}
