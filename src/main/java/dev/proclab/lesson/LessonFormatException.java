package dev.proclab.lesson;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown by {@link LessonReader} when a lesson folder cannot be loaded; carries every problem found. */
final class LessonFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<LessonProblem> problems;

    LessonFormatException(List<LessonProblem> problems) {
        super(problems.stream().map(LessonProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    LessonFormatException(LessonProblem problem) {
        this(List.of(problem));
    }

    List<LessonProblem> problems() {
        return problems;
    }
}
