package dev.proclab.lesson;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A lesson program's classes packed into a jar in the compile cache.
 *
 * @param jar the jar holding the program's classes (not the engine's)
 * @param key the SHA-256 (hex) of the sources and the engine classpath, naming the cache folder
 * @param reused true when the jar came from the cache and javac did not run
 */
public record CompiledProgram(Path jar, String key, boolean reused) {

    public CompiledProgram {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(key, "key");
    }

    /** The program's classpath for a {@code RunSpec}: just the jar; the run adds the engine. */
    public List<Path> classpath() {
        return List.of(jar);
    }
}
