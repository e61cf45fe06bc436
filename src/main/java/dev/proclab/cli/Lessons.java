package dev.proclab.cli;

import dev.proclab.lesson.LessonCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where the runner looks for lessons: the default folders, then any given with {@code --lessons}. */
final class Lessons {
    private Lessons() {}

    static LessonCatalog catalog(List<Path> extraDirs) {
        List<Path> dirs = new ArrayList<>(LessonCatalog.defaultDirs());
        dirs.addAll(extraDirs);
        return LessonCatalog.load(dirs);
    }
}
