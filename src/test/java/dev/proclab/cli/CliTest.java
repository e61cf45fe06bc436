package dev.proclab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The headless runner end to end: real lessons, compiled and run on real processes. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int proclab(String... args) {
        return Cli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void runningALessonPrintsEveryProcesssLinesWithNameAndPidThenASummary() {
        int code = proclab("run", "isolation");

        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anyMatch(l -> l.matches("\\[Process-1 \\d+] child: n = 0"));
        assertThat(lines).anyMatch(l -> l.matches("\\[MainProcess \\d+] parent: n = 100"));
        assertThat(lines)
                .anyMatch(l -> l.matches(
                        "== completed in [0-9.]+ s; 2 processes: MainProcess \\d+ exit 0," + " Process-1 \\d+ exit 0"));
    }

    @Test
    void linesAreInTheOrderTheyHappened() {
        int code = proclab("run", "start-join", "--set", "children=3", "--time-scale", "1");

        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        List<String> done = out.toString()
                .lines()
                .filter(l -> l.startsWith("[") && l.contains(" is done"))
                .toList();
        // Child i sleeps i seconds, so they finish in order 1, 2, 3.
        assertThat(done).hasSize(3);
        assertThat(done.get(0)).contains("Process-1");
        assertThat(done.get(1)).contains("Process-2");
        assertThat(done.get(2)).contains("Process-3");
    }

    @Test
    void jsonPrintsOneDocumentWithEveryProcess() throws Exception {
        int code = proclab("run", "daemon", "--json", "--time-scale", "0.5");

        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        JsonNode doc = new ObjectMapper().readTree(out.toString());
        assertThat(doc.get("lesson").asText()).isEqualTo("daemon");
        assertThat(doc.get("parameters").get("daemon").asText()).isEqualTo("true");
        assertThat(doc.get("ending").get("outcome").asText()).isEqualTo("COMPLETED");
        List<String> names = new ArrayList<>();
        doc.get("processes").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).containsExactly("MainProcess", "Process-1");
        JsonNode child = doc.get("processes").get(1);
        assertThat(child.get("ppid").asLong())
                .isEqualTo(doc.get("processes").get(0).get("pid").asLong());
        assertThat(child.get("daemon").asBoolean()).isTrue();
        assertThat(child.get("exitCode").asInt()).isEqualTo(-15);
        assertThat(doc.get("wallTimeMs").asDouble()).isPositive();
    }

    @Test
    void traceFileOpensAsChromeTraceJsonNamingEveryProcess(@TempDir Path tmp) throws Exception {
        Path trace = tmp.resolve("run.json");

        int code = proclab("run", "isolation", "--trace", trace.toString());

        assertThat(code).as(err.toString()).isEqualTo(Cli.OK);
        JsonNode doc = new ObjectMapper().readTree(trace.toFile());
        List<String> processNames = new ArrayList<>();
        doc.get("traceEvents").forEach(e -> {
            if (e.get("ph").asText().equals("M") && e.get("name").asText().equals("process_name")) {
                processNames.add(e.get("args").get("name").asText());
            }
        });
        assertThat(processNames).hasSize(2).anyMatch(n -> n.startsWith("MainProcess"));
    }

    @Test
    void anUnknownLessonIsAUsageErrorThatListsTheKnownOnes() {
        int code = proclab("run", "no-such-lesson");

        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("no lesson 'no-such-lesson'").contains("start-join");
    }

    @Test
    void anUnknownKnobOrABadValueIsAUsageError() {
        assertThat(proclab("run", "start-join", "--set", "colour=red")).isEqualTo(Cli.USAGE);
        assertThat(proclab("run", "start-join", "--set", "children=many")).isEqualTo(Cli.USAGE);
        assertThat(proclab("run", "start-join", "--time-scale", "0")).isEqualTo(Cli.USAGE);

        assertThat(err.toString()).contains("colour").contains("children").contains("--time-scale");
    }

    @Test
    void aProgramThatDoesNotCompileNamesFileLineAndColumnAndStartsNothing(@TempDir Path lessons) throws Exception {
        Path dir = Files.createDirectories(lessons.resolve("broken"));
        Files.writeString(
                dir.resolve("lesson.yaml"),
                "id: broken\norder: 1\ntitle: {en: Broken, zh: 坏}\n" + "summary: {en: Does not compile., zh: 不能编译。}\n");
        Files.writeString(
                dir.resolve("Main.java"),
                "public class Main {\n    public static void main(String[] a) {\n"
                        + "        int x = \"text\";\n    }\n}\n");

        int code = proclab("run", "broken", "--lessons", lessons.toString());

        assertThat(code).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("does not compile").containsPattern("Main.java:3:\\d+: ");
        assertThat(out.toString()).doesNotContain("== ");
    }

    @Test
    void aRunPastItsTimeoutFailsWithAClearMessage(@TempDir Path lessons) throws Exception {
        Path dir = Files.createDirectories(lessons.resolve("forever"));
        Files.writeString(
                dir.resolve("lesson.yaml"),
                "id: forever\norder: 1\ntitle: {en: Forever, zh: 永远}\n" + "summary: {en: Never ends., zh: 不会结束。}\n");
        Files.writeString(
                dir.resolve("Main.java"),
                "import static dev.proclab.engine.Multiprocessing.*;\n"
                        + "public class Main {\n    public static void main(String[] a) {\n"
                        + "        System.out.println(\"waiting\");\n        sleep(600);\n    }\n}\n");

        int code = proclab("run", "forever", "--lessons", lessons.toString(), "--timeout", "2");

        assertThat(code).isEqualTo(Cli.HUNG);
        assertThat(out.toString()).contains("waiting").contains("== timed out");
        assertThat(err.toString())
                .contains("run timed out: stopped after the wall-clock limit of 2 s; it was still busy");
    }
}
