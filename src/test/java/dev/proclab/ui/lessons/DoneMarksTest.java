package dev.proclab.ui.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DoneMarksTest {
    @TempDir
    Path dir;

    @Test
    void marksAreKeptBetweenLaunches() {
        Path file = dir.resolve("sub").resolve("done.txt");
        new DoneMarks(file).set("isolation", true);

        DoneMarks later = new DoneMarks(file);

        assertThat(later.done()).containsExactly("isolation");
        assertThat(later.isDone("start-join")).isFalse();
    }

    @Test
    void aMarkCanBeTakenBack() {
        Path file = dir.resolve("done.txt");
        DoneMarks marks = new DoneMarks(file);
        marks.set("isolation", true);
        marks.set("daemon", true);

        marks.set("isolation", false);

        assertThat(new DoneMarks(file).done()).containsExactly("daemon");
    }

    @Test
    void aMissingOrUnreadableFileMeansNothingIsDoneYet() throws Exception {
        assertThat(new DoneMarks(dir.resolve("none.txt")).done()).isEmpty();
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        assertThat(new DoneMarks(folder).done()).isEmpty();
    }
}
