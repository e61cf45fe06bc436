package dev.proclab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the launcher builds the app's JVM command line from its own (no process is started here). */
class MainTest {

    @TempDir
    Path dir;

    @Test
    void theUsersOptionsComeAfterTheArchiveOnesAndTheJarStaysLast() throws Exception {
        Path archive = Files.writeString(dir.resolve("app.jsa"), "x");
        Main.AppJvm app = Main.AppJvm.of(
                "/jdk/bin/java", List.of("-Duser.language=zh", "-Xmx1g", "-jar", "proclab.jar"), 42, archive);

        assertThat(app.command())
                .containsExactly(
                        "/jdk/bin/java",
                        "-XX:SharedArchiveFile=" + archive,
                        "-Xshare:auto",
                        "-Xlog:disable",
                        "-Xlog:all=error:stderr",
                        "-Duser.language=zh",
                        "-Xmx1g",
                        "-Dproclab.launcher=42",
                        "-jar",
                        "proclab.jar");
        assertThat(app.dumping()).isNull();
    }

    @Test
    void aMissingArchiveIsWrittenToAFileOfThisLauncherFirst() {
        Path archive = dir.resolve("app.jsa");
        Main.AppJvm app = Main.AppJvm.of("java", List.of("-jar", "p.jar"), 7, archive);

        assertThat(app.dumping()).isEqualTo(dir.resolve("app.jsa.7.tmp"));
        assertThat(app.command()).contains("-XX:ArchiveClassesAtExit=" + app.dumping());
        assertThat(app.command()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void withoutAnArchiveOnlyTheLaunchersPidIsAdded() {
        Main.AppJvm app = Main.AppJvm.of("java", List.of("-Dx=1", "-jar", "p.jar"), 7, null);

        assertThat(app.command()).containsExactly("java", "-Dx=1", "-Dproclab.launcher=7", "-jar", "p.jar");
    }

    @Test
    void onlyAPlainDashJarLaunchIsStartedAgain() {
        assertThat(Main.AppJvm.of(List.of("-cp", "a.jar", "dev.proclab.Main"))).isEmpty();
        assertThat(Main.AppJvm.of(List.of("-jar", "p.jar", "run", "start-join")))
                .isEmpty();
        assertThat(Main.AppJvm.of(List.of("-jar"))).isEmpty();
    }

    @Test
    void keepingAnArchiveKeepsTheThreeNewestOthersAndRemovesTheLeftoversOfLaunchersThatAreGone() throws Exception {
        Path kept = Files.writeString(dir.resolve("app-new-100.jsa"), "new");
        List<Path> others = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path other = Files.writeString(dir.resolve("app-" + i + "-100.jsa"), "old");
            // app-4 is the newest other, app-0 the oldest
            Files.setLastModifiedTime(
                    other, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - (5 - i) * 60_000L));
            others.add(other);
        }
        Path ofAGoneLauncher = Files.writeString(dir.resolve("app-x-100.jsa.999999999.tmp"), "half");
        Path ofThisLauncher = Files.writeString(
                dir.resolve("app-y-100.jsa." + ProcessHandle.current().pid() + ".tmp"), "being written");
        Path unrelated = Files.writeString(dir.resolve("notes.txt"), "x");

        Main.AppJvm.removeOthers(kept);

        assertThat(kept).exists();
        assertThat(others.subList(2, 5)).allMatch(Files::exists);
        assertThat(others.subList(0, 2)).noneMatch(Files::exists);
        assertThat(ofAGoneLauncher).doesNotExist();
        assertThat(ofThisLauncher).exists();
        assertThat(unrelated).exists();
    }

    @Test
    void theArchiveNameChangesWithTheJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("proclab.jar"), "one");
        Path first = Main.AppJvm.archiveFor(jar);
        Files.writeString(jar, "a longer jar");

        assertThat(Main.AppJvm.archiveFor(jar)).isNotEqualTo(first);
        assertThat(first.getFileName().toString()).startsWith("app-").endsWith(".jsa");
    }
}
