package dev.proclab.ui.page;

import dev.proclab.lesson.Lesson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The files of a lesson that the page shows, read in one go off the JavaFX thread.
 *
 * @param javaFiles file name to source text, the main class's file first
 * @param python the equivalent Python program, empty when the lesson has none
 * @param explanationEn the English explanation (Markdown), empty when missing
 * @param explanationZh the Chinese explanation, the English one when there is no translation
 * @param folder the lesson's folder, where the explanation's images are; null when there is none
 */
public record LessonContent(
        Map<String, String> javaFiles, String python, String explanationEn, String explanationZh, Path folder) {
    public LessonContent {
        javaFiles = Collections.unmodifiableMap(new LinkedHashMap<>(javaFiles));
    }

    /** Reads the lesson's files now. */
    public static LessonContent read(Lesson lesson) {
        try {
            Map<String, String> java = new LinkedHashMap<>();
            String mainName = lesson.mainSource().getFileName().toString();
            if (Files.isRegularFile(lesson.mainSource())) {
                java.put(mainName, read(lesson.mainSource()));
            }
            for (Path file : lesson.javaSources()) {
                java.putIfAbsent(file.getFileName().toString(), read(file));
            }
            String python = lesson.pythonSource().isPresent()
                    ? read(lesson.pythonSource().get())
                    : "";
            return new LessonContent(
                    java, python, readOr(lesson.explanation("en")), readOr(lesson.explanation("zh")), lesson.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The explanation in a language ({@code "en"} or {@code "zh"}). */
    public String explanation(String language) {
        return "zh".equals(language) ? explanationZh : explanationEn;
    }

    private static String readOr(Optional<Path> file) throws IOException {
        return file.isPresent() ? read(file.get()) : "";
    }

    private static String read(Path file) throws IOException {
        // Editors and javac both want \n; a lesson written on Windows must not show stray \r.
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
