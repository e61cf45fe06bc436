package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the built-in lessons' explanations point at is there, in both languages. */
class BuiltInExplanationsTest {
    private static final Pattern IMAGE = Pattern.compile("!\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");
    private static final String AFTER_RUN = "<!-- after-run -->";

    static Stream<Path> explanations() throws IOException {
        try (Stream<Path> lessons = Files.list(Path.of("lessons"))) {
            return lessons
                    .filter(Files::isDirectory)
                    .sorted()
                    .flatMap(dir -> Stream.of(dir.resolve("explanation.en.md"), dir.resolve("explanation.zh.md")))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("explanations")
    void everyPictureExistsAndHasACaption(Path explanation) throws IOException {
        String text = Files.readString(explanation);
        Matcher m = IMAGE.matcher(text);
        List<String> missing = new java.util.ArrayList<>();
        int pictures = 0;
        while (m.find()) {
            pictures++;
            assertThat(m.group(1))
                    .as("caption of %s in %s", m.group(2), explanation)
                    .isNotBlank();
            if (!Files.isRegularFile(explanation.getParent().resolve(m.group(2)))) {
                missing.add(m.group(2));
            }
        }
        assertThat(missing).as("pictures of %s", explanation).isEmpty();
        assertThat(pictures).as("pictures in %s", explanation).isPositive();
    }

    @ParameterizedTest
    @MethodSource("explanations")
    void whatToNoticeIsHeldBackUntilTheRun(Path explanation) throws IOException {
        List<String> lines = Files.readAllLines(explanation);
        int mark = lines.indexOf(AFTER_RUN);
        assertThat(mark).as("%s in %s", AFTER_RUN, explanation).isNotNegative();
        assertThat(lines.get(mark + 1))
                .as("the line after the mark in %s", explanation)
                .startsWith("## ");
    }
}
