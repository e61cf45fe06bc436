package dev.proclab.ui.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * Which lessons the student has done, kept between launches in a small text file (one lesson id per line,
 * by default {@code ~/.proclab/done.txt}).
 *
 * <p>A file that cannot be read counts as "nothing done yet", and one that cannot be written loses only
 * the marks of this session: a progress mark is never worth an error dialog. Used on the JavaFX thread.
 */
public final class DoneMarks {
    private final Path file;
    private final ObservableSet<String> done = FXCollections.observableSet();
    private final ObservableSet<String> doneView = FXCollections.unmodifiableObservableSet(done);

    public DoneMarks(Path file) {
        this.file = Objects.requireNonNull(file, "file");
        done.addAll(read(file));
    }

    /** {@code ~/.proclab/done.txt}. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".proclab", "done.txt");
    }

    /** The ids of the lessons done (read-only). */
    public ObservableSet<String> done() {
        return doneView;
    }

    public boolean isDone(String lessonId) {
        return done.contains(lessonId);
    }

    /** Marks a lesson done, or not done, and saves the marks. */
    public void set(String lessonId, boolean isDone) {
        boolean changed = isDone ? done.add(lessonId) : done.remove(lessonId);
        if (changed) {
            save();
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "done", ".tmp");
            Files.write(temp, new TreeSet<>(done), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("ProcLab: could not save the done marks to " + file + ": " + e.getMessage());
        }
    }
}
