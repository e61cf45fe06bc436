package dev.proclab.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small lesson folders for tests. */
final class TestLessons {
    private TestLessons() {}

    static final String HELLO_MAIN =
            """
            public class Main {
                public static void main(String[] args) {
                    System.out.println("hello");
                }
            }
            """;

    /** A well-formed lesson with one knob of each kind. */
    static String goodYaml(String id, int order) {
        return """
                id: %s
                order: %d
                title:
                  en: Lesson %s
                  zh: 课程 %s
                summary: Only English here.
                knobs:
                  - name: n
                    type: int
                    default: 3
                    min: 1
                    max: 8
                  - name: speed
                    type: double
                    default: 0.5
                    min: 0
                  - name: daemon
                    type: boolean
                    default: true
                  - name: join
                    type: choice
                    default: after
                    choices: [after, inside, never]
                  - name: label
                    type: string
                    default: hi there
                prediction:
                  question:
                    en: What happens?
                    zh: 会发生什么？
                  choices:
                    - {id: a, text: {en: This, zh: 这个}}
                    - {id: b, text: That}
                checks:
                  - id: it-works
                    description: {en: It works., zh: 能用。}
                    printed: {process: main, matches: hello}
                """
                .formatted(id, order, id, id);
    }

    static Path write(Path root, String id, String yaml) {
        try {
            Path dir = Files.createDirectories(root.resolve(id));
            Files.writeString(dir.resolve(Lesson.YAML_FILE), yaml);
            Files.writeString(dir.resolve("Main.java"), HELLO_MAIN);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Lesson load(Path root, String id, String yaml) {
        write(root, id, yaml);
        LessonCatalog catalog = LessonCatalog.load(java.util.List.of(root));
        if (!catalog.problems().isEmpty()) {
            throw new AssertionError("unexpected problems: " + catalog.problems());
        }
        return catalog.find(id).orElseThrow();
    }
}
