package dev.proclab.cli;

import dev.proclab.lesson.Lesson;
import dev.proclab.lesson.LessonCatalog;
import dev.proclab.lesson.LessonProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code proclab list}: the lessons that can be run, and any lesson folder that could not be read. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the lessons and their knobs.")
final class ListCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--lessons", paramLabel = "DIR", description = "Also load lessons from DIR.")
    List<Path> extraDirs = List.of();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LessonCatalog catalog = Lessons.catalog(extraDirs);
        for (Lesson lesson : catalog.lessons()) {
            out.printf("%-20s %s%n", lesson.id(), lesson.title().in(Locale.ENGLISH));
            lesson.knobs()
                    .forEach(k -> out.printf(
                            "%-20s   --set %s=%s   (%s)%n", "", k.name(), k.defaultValue(), k.describeAllowed()));
        }
        for (LessonProblem problem : catalog.problems()) {
            err.println("proclab: " + problem);
        }
        return Cli.OK;
    }
}
