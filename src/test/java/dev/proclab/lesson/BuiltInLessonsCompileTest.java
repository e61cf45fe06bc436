package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.proclab.engine.run.RuntimeJar;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(120)
class BuiltInLessonsCompileTest {

    @TempDir
    static Path cache;

    private static LessonCatalog catalog() {
        return LessonCatalog.load(List.of(Path.of(System.getProperty(LessonCatalog.LESSONS_PROPERTY))));
    }

    static Stream<String> lessonIds() {
        return catalog().lessons().stream().map(Lesson::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessonIds")
    void everyLessonProgramCompilesAgainstTheEngineRuntimeJarAlone(String id) throws Exception {
        // given: only the runtime jar, so a program using anything beyond the engine's API fails here
        Lesson lesson = catalog().find(id).orElseThrow();
        LessonCompiler compiler = new LessonCompiler(List.of(RuntimeJar.get()), cache);

        // when
        CompiledProgram program = compiler.compile(lesson);

        // then
        try (JarFile jar = new JarFile(program.jar().toFile())) {
            assertThat(jar.getEntry(lesson.mainClass() + ".class")).isNotNull();
        }
    }
}
