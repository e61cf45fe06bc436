package dev.proclab.engine.run;

import dev.proclab.engine.internal.ChildMain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jar of engine classes that lesson programs compile against and that every child JVM runs: only
 * {@code dev/proclab/engine/**}, which needs nothing but the JDK, so a child loads a few dozen classes and
 * no JavaFX. Built once per engine version from wherever this class was loaded (a classes folder in a
 * build, the application jar when installed) into {@code <cache>/runtime/<hash>/proclab-runtime.jar}.
 * A jar, not a folder, because class-data sharing archives only accept jars.
 *
 * <p>Thread-safe; the first call does the work (a few milliseconds), later calls return the same path.
 */
public final class RuntimeJar {
    static final String PACKAGE_DIR = "dev/proclab/engine/";

    private static volatile Path jar;

    private RuntimeJar() {}

    /** The runtime jar, building it on first use. */
    public static Path get() {
        Path j = jar;
        if (j == null) {
            synchronized (RuntimeJar.class) {
                j = jar;
                if (j == null) {
                    try {
                        j = build(cacheRoot().resolve("runtime"));
                    } catch (IOException e) {
                        throw new UncheckedIOException("could not build the ProcLab runtime jar", e);
                    }
                    jar = j;
                }
            }
        }
        return j;
    }

    /** ProcLab's cache folder: {@code proclab.cache} if set, else {@code ~/.cache/proclab}. */
    public static Path cacheRoot() {
        String configured = System.getProperty("proclab.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "proclab");
    }

    private static Path build(Path root) throws IOException {
        Map<String, byte[]> classes = readEngineClasses();
        MessageDigest sha = sha256();
        classes.forEach((name, bytes) -> {
            sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(bytes);
        });
        String hash = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        Path dir = root.resolve(hash);
        Path target = dir.resolve("proclab-runtime.jar");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "runtime", ".tmp");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ChildMain.class.getName());
        try (var out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
            for (var e : classes.entrySet()) {
                JarEntry entry = new JarEntry(e.getKey());
                entry.setTime(0); // the same classes give the same jar, byte for byte
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            // Another JVM built the same jar at the same time: its copy is identical.
            Files.deleteIfExists(tmp);
            if (!Files.isRegularFile(target)) {
                throw raced;
            }
        }
        return target;
    }

    private static Map<String, byte[]> readEngineClasses() throws IOException {
        Path source;
        try {
            source = Path.of(ChildMain.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("cannot tell where the engine classes were loaded from", e);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(source)) {
            collect(source, classes);
        } else {
            try (FileSystem fs = FileSystems.newFileSystem(source, (ClassLoader) null)) {
                collect(fs.getPath("/"), classes);
            }
        }
        if (classes.isEmpty()) {
            throw new IOException("no engine classes found in " + source);
        }
        return classes;
    }

    private static void collect(Path root, Map<String, byte[]> classes) throws IOException {
        Path engine = root.resolve(PACKAGE_DIR);
        if (!Files.isDirectory(engine)) {
            return;
        }
        try (Stream<Path> files = Files.walk(engine)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String name = root.relativize(p).toString().replace('\\', '/');
                try (InputStream in = Files.newInputStream(p)) {
                    classes.put(name, in.readAllBytes());
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> entries(Path jarFile) throws IOException {
        try (var in = new java.util.jar.JarFile(jarFile.toFile())) {
            return in.stream().map(JarEntry::getName).toList();
        }
    }
}
