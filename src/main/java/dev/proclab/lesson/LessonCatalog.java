package dev.proclab.lesson;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every lesson found in a list of lesson folders, and the problems of those that could not be loaded.
 *
 * <p>A lesson folder holds one sub-folder per lesson ({@code lessons/<id>/lesson.yaml}); a folder that
 * itself holds a {@code lesson.yaml} is read as a single lesson. Folders are read in the order given, and
 * a lesson in a later folder replaces one with the same id from an earlier folder, which is how a user's
 * own lessons override the built-in ones. A malformed lesson never stops the others from loading: it is
 * left out and reported in {@link #problems()}. When an overriding lesson is malformed, the one it would
 * have replaced stays.
 *
 * <p>A catalogue is an immutable snapshot; load a new one to see changes on disk.
 */
public final class LessonCatalog {
    /** System property naming the built-in lessons folder (several joined by the path separator). */
    public static final String LESSONS_PROPERTY = "proclab.lessons";

    private final List<Lesson> lessons;
    private final List<LessonProblem> problems;

    private LessonCatalog(List<Lesson> lessons, List<LessonProblem> problems) {
        this.lessons = List.copyOf(lessons);
        this.problems = List.copyOf(problems);
    }

    /** Loads the lessons of the folders, later folders overriding earlier ones lesson by lesson. */
    public static LessonCatalog load(List<Path> dirs) {
        Map<String, Lesson> byId = new LinkedHashMap<>();
        List<LessonProblem> problems = new ArrayList<>();
        for (Path dir : dirs) {
            for (Path lessonDir : lessonDirs(dir, problems)) {
                try {
                    Lesson lesson = LessonReader.read(lessonDir);
                    byId.put(lesson.id(), lesson);
                } catch (LessonFormatException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        List<Lesson> sorted = byId.values().stream()
                .sorted(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id))
                .toList();
        return new LessonCatalog(sorted, problems);
    }

    /** Loads the lessons of {@link #defaultDirs()}. */
    public static LessonCatalog loadDefault() {
        return load(defaultDirs());
    }

    /**
     * Where lessons are looked up, in override order.
     *
     * <ol>
     *   <li>The built-in lessons: the folder(s) named by the system property {@code proclab.lessons} if set;
     *       else {@code ./lessons} if it exists; else the folder {@code lessons} next to the running jar.
     *   <li>The user's own lessons, {@code ~/.proclab/lessons}, if that folder exists.
     * </ol>
     *
     * A built-in folder is listed even when it does not exist, so that loading reports it as a problem.
     */
    public static List<Path> defaultDirs() {
        List<Path> dirs = new ArrayList<>();
        String property = System.getProperty(LESSONS_PROPERTY);
        if (property != null && !property.isBlank()) {
            for (String part : property.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    dirs.add(Path.of(part.strip()));
                }
            }
        } else if (Files.isDirectory(Path.of("lessons"))) {
            dirs.add(Path.of("lessons"));
        } else {
            dirs.add(nextToRunningJar().orElse(Path.of("lessons")));
        }
        Path user = Path.of(System.getProperty("user.home"), ".proclab", "lessons");
        if (Files.isDirectory(user)) {
            dirs.add(user);
        }
        return List.copyOf(dirs);
    }

    /** The lessons, sorted by {@link Lesson#order()}, then id. */
    public List<Lesson> lessons() {
        return lessons;
    }

    /** Why some lesson folders were left out, in the order they were read. */
    public List<LessonProblem> problems() {
        return problems;
    }

    /** The lesson with this id, if loaded. */
    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    private static List<Path> lessonDirs(Path dir, List<LessonProblem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(LessonProblem.ofFile(dir, "lesson folder does not exist"));
            return List.of();
        }
        if (Files.isRegularFile(dir.resolve(Lesson.YAML_FILE))) {
            return List.of(dir);
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory)
                    .filter(d -> !d.getFileName().toString().startsWith("."))
                    .filter(d -> Files.isRegularFile(d.resolve(Lesson.YAML_FILE)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add(LessonProblem.ofFile(dir, "cannot list the lesson folder: " + e));
            return List.of();
        }
    }

    private static Optional<Path> nextToRunningJar() {
        try {
            CodeSource source = LessonCatalog.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path location = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(location)) {
                return Optional.empty(); // classes folder of a development build, not a jar
            }
            return Optional.of(location.toAbsolutePath().getParent().resolve("lessons"));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
