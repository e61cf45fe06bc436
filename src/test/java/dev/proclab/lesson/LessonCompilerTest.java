package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class LessonCompilerTest {

    @TempDir
    Path cache;

    /** This test JVM's classpath, which holds the engine's classes in a build. */
    static List<Path> testClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
    }

    private LessonCompiler compiler() {
        return new LessonCompiler(testClasspath(), cache);
    }

    @Test
    void aGoodProgramIsCompiledIntoAJarInTheCache() throws Exception {
        // given
        LessonCompiler compiler = compiler();

        // when
        CompiledProgram program = compiler.compile(Map.of("Main.java", TestLessons.HELLO_MAIN));

        // then
        assertThat(program.reused()).isFalse();
        assertThat(program.jar()).isEqualTo(cache.resolve(program.key()).resolve("program.jar"));
        assertThat(program.key()).hasSize(64);
        try (JarFile jar = new JarFile(program.jar().toFile())) {
            assertThat(jar.getEntry("Main.class")).isNotNull();
            assertThat(jar.getManifest()).isNotNull();
        }
        assertThat(compiler.javacRuns()).isEqualTo(1);
        try (Stream<Path> leftovers = Files.list(cache)) {
            assertThat(leftovers).containsExactly(cache.resolve(program.key()));
        }
    }

    @Test
    void theSameSourcesAreReusedFromTheCacheWithoutRunningJavac() throws Exception {
        // given
        CompiledProgram first = compiler().compile(Map.of("Main.java", TestLessons.HELLO_MAIN));
        long written = Files.getLastModifiedTime(first.jar()).toMillis();
        LessonCompiler fresh = compiler();

        // when
        CompiledProgram second = fresh.compile(Map.of("Main.java", TestLessons.HELLO_MAIN));

        // then
        assertThat(second.reused()).isTrue();
        assertThat(second.jar()).isEqualTo(first.jar());
        assertThat(fresh.javacRuns()).isZero();
        assertThat(Files.getLastModifiedTime(second.jar()).toMillis()).isEqualTo(written);
    }

    @Test
    void anEditedProgramGetsItsOwnJar() throws Exception {
        // given
        LessonCompiler compiler = compiler();
        CompiledProgram original = compiler.compile(Map.of("Main.java", TestLessons.HELLO_MAIN));

        // when
        CompiledProgram edited = compiler.compile(Map.of("Main.java", TestLessons.HELLO_MAIN.replace("hello", "bye")));

        // then
        assertThat(edited.key()).isNotEqualTo(original.key());
        assertThat(edited.reused()).isFalse();
        assertThat(compiler.javacRuns()).isEqualTo(2);
    }

    @Test
    void aBadProgramReportsFileLineAndColumn() {
        // given
        String bad =
                """
                public class Main {
                    public static void main(String[] args) {
                        int x = 1;
                        System.out.println(y);
                    }
                }
                """;

        // when
        CompileException e =
                catchThrowableOfType(CompileException.class, () -> compiler().compile(Map.of("Main.java", bad)));

        // then
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.file()).isEqualTo("Main.java");
            assertThat(error.line()).isEqualTo(4);
            assertThat(error.column()).isEqualTo(28);
            assertThat(error.message()).startsWith("cannot find symbol");
        });
        assertThat(e.getMessage()).startsWith("Main.java:4:28: cannot find symbol");
        assertThat(cache).isEmptyDirectory();
    }

    @Test
    void errorsInSeveralFilesNameEachFile() {
        // given
        Map<String, String> sources = Map.of(
                "Main.java", "public class Main { Helper h; void f() { h.missing(); } }",
                "Helper.java", "class Helper { int x = \"text\"; }");

        // when
        CompileException e =
                catchThrowableOfType(CompileException.class, () -> compiler().compile(sources));

        // then
        assertThat(e.errors()).extracting(CompileError::file).containsExactlyInAnyOrder("Helper.java", "Main.java");
    }

    @Test
    void aLessonFolderIsCompiledWithAllItsSources(@TempDir Path lessons) throws Exception {
        // given
        Path dir = TestLessons.write(lessons, "alpha", TestLessons.goodYaml("alpha", 1));
        Files.writeString(dir.resolve("Helper.java"), "class Helper { static String hi() { return \"hi\"; } }");
        Lesson lesson = LessonCatalog.load(List.of(lessons)).find("alpha").orElseThrow();

        // when
        CompiledProgram program = compiler().compile(lesson);

        // then
        try (JarFile jar = new JarFile(program.jar().toFile())) {
            assertThat(jar.getEntry("Main.class")).isNotNull();
            assertThat(jar.getEntry("Helper.class")).isNotNull();
        }
    }

    @Test
    void aSourceNameThatIsNotAJavaFileIsRefused() {
        assertThatThrownBy(() -> compiler().compile(Map.of("../Main.java", TestLessons.HELLO_MAIN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compiler().compile(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCompilesOfTheSameSourcesRunJavacOnce() throws Exception {
        // given
        LessonCompiler compiler = compiler();
        Callable<CompiledProgram> compile = () -> compiler.compile(Map.of("Main.java", TestLessons.HELLO_MAIN));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            // when
            List<Future<CompiledProgram>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(compile));
            }
            List<Path> jars = new ArrayList<>();
            for (Future<CompiledProgram> f : results) {
                jars.add(f.get().jar());
            }

            // then
            assertThat(jars).containsOnly(jars.get(0));
            assertThat(compiler.javacRuns()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
