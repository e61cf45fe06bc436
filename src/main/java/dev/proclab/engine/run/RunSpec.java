package dev.proclab.engine.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run: the lesson program's compiled classes, its main class, its knob values, and the limits.
 *
 * @param runId identifies the run on every child's command line ({@code -Dproclab.run=<runId>}); letters,
 *     digits and dashes only
 * @param lessonId the lesson's id, reported in results; may be any label for ad-hoc programs
 * @param classpath jars with the lesson program's classes (the engine's runtime jar is added by the run)
 * @param mainClass binary name of the class whose {@code main(String[])} is the lesson's main process
 * @param knobs knob values as text, read by the program through {@code Multiprocessing.knob(...)}
 * @param timeScale factor applied to every {@code sleep} of the program: 2 is slow motion at half speed,
 *     0.1 runs ten times faster; must be positive
 * @param wallClockLimit after this the run is stopped and reported as timed out
 */
public record RunSpec(
        String runId,
        String lessonId,
        List<Path> classpath,
        String mainClass,
        Map<String, String> knobs,
        double timeScale,
        Duration wallClockLimit) {

    public static final Duration DEFAULT_LIMIT = Duration.ofSeconds(60);

    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        if (!runId.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("run id may hold only letters, digits and dashes: " + runId);
        }
        Objects.requireNonNull(lessonId, "lessonId");
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(mainClass, "mainClass");
        knobs = Map.copyOf(knobs);
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a positive number, not " + timeScale);
        }
        if (wallClockLimit.isNegative() || wallClockLimit.isZero()) {
            throw new IllegalArgumentException("wall-clock limit must be positive, not " + wallClockLimit);
        }
    }

    /** A spec with a fresh random run id, time scale 1 and the default 60 s limit. */
    public static RunSpec of(String lessonId, List<Path> classpath, String mainClass, Map<String, String> knobs) {
        return new RunSpec(newRunId(), lessonId, classpath, mainClass, knobs, 1.0, DEFAULT_LIMIT);
    }

    public RunSpec withTimeScale(double scale) {
        return new RunSpec(runId, lessonId, classpath, mainClass, knobs, scale, wallClockLimit);
    }

    public RunSpec withWallClockLimit(Duration limit) {
        return new RunSpec(runId, lessonId, classpath, mainClass, knobs, timeScale, limit);
    }

    public static String newRunId() {
        return Long.toString(System.currentTimeMillis(), 36) + "-"
                + Long.toString(java.util.concurrent.ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
