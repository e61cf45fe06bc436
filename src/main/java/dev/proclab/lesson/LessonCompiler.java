package dev.proclab.lesson;

import dev.proclab.engine.run.RuntimeJar;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles lesson programs at run time with the JDK's own compiler, against the engine, into a jar.
 *
 * <p>The jar lands in {@code <cacheRoot>/<key>/program.jar}, where the key is the SHA-256 of the source
 * files' names and contents, the compiler options and the identity (path, size, time) of every engine
 * classpath entry. A program compiled once is reused from the cache, across runs and app restarts,
 * without starting javac. Classes are packed in a jar because class-data sharing (AppCDS), which makes
 * child JVMs start faster, only accepts jars on the classpath.
 *
 * <p>Thread-safe: concurrent compiles of the same sources run javac once; different sources compile in
 * parallel. A jar is written under a temporary name and moved into place atomically, so another thread
 * or process never sees half a jar.
 */
public final class LessonCompiler {
    private static final String RELEASE = "17";
    private static final String JAR_NAME = "program.jar";
    private static final String CACHE_FORMAT = "proclab-compiled-v1";
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*\\.java");
    // Fixed entry times make the same classes give the same jar bytes.
    private static final long ENTRY_TIME = 946_684_800_000L;

    private final List<Path> engineClasspath;
    private final Path cacheRoot;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();
    private final AtomicInteger javacRuns = new AtomicInteger();

    /** A compiler against the engine's {@link RuntimeJar}, with its cache in {@link #defaultCacheRoot()}. */
    public LessonCompiler() {
        this(List.of(RuntimeJar.get()));
    }

    /** A compiler with its cache in {@link #defaultCacheRoot()}. */
    public LessonCompiler(List<Path> engineClasspath) {
        this(engineClasspath, defaultCacheRoot());
    }

    /**
     * @param engineClasspath the jars (or class folders) that lesson programs compile against, normally
     *     the engine's runtime jar
     * @param cacheRoot the folder holding one sub-folder per compiled program; created when needed
     */
    public LessonCompiler(List<Path> engineClasspath, Path cacheRoot) {
        this.engineClasspath = engineClasspath.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    }

    /** {@code ~/.cache/proclab/compiled}, or {@code compiled} inside the folder named by {@code proclab.cache}. */
    public static Path defaultCacheRoot() {
        return RuntimeJar.cacheRoot().resolve("compiled");
    }

    /** Compiles every {@code *.java} file of the lesson's folder. */
    public CompiledProgram compile(Lesson lesson) throws CompileException, IOException {
        return compile(lesson.dir());
    }

    /** Compiles every {@code *.java} file directly inside {@code dir}. */
    public CompiledProgram compile(Path dir) throws CompileException, IOException {
        Map<String, String> sources = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                sources.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        if (sources.isEmpty()) {
            throw new IOException("no .java files in " + dir);
        }
        return compile(sources);
    }

    /**
     * Compiles sources held in memory, such as a program the user is editing.
     *
     * @param sources source text by file name ({@code Main.java}); a public class must live in the file
     *     of its name, as on disk
     * @throws CompileException when javac reports errors; nothing is cached then
     * @throws IOException when the cache folder cannot be written
     * @throws IllegalArgumentException for no sources or a name that is not a plain {@code Xxx.java}
     * @throws IllegalStateException when this Java runtime has no compiler (a JRE without jdk.compiler)
     */
    public CompiledProgram compile(Map<String, String> sources) throws CompileException, IOException {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("nothing to compile: no source files");
        }
        Map<String, String> sorted = new TreeMap<>(sources);
        sorted.forEach((name, text) -> {
            if (!SOURCE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("source file name must look like Main.java, not '" + name + "'");
            }
            Objects.requireNonNull(text, name);
        });
        String key = key(sorted);
        Path jar = cacheRoot.resolve(key).resolve(JAR_NAME);
        if (Files.isRegularFile(jar)) {
            return new CompiledProgram(jar, key, true);
        }
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            if (Files.isRegularFile(jar)) {
                return new CompiledProgram(jar, key, true);
            }
            Files.createDirectories(cacheRoot);
            Path classes = Files.createTempDirectory(cacheRoot, ".javac-");
            try {
                javac(sorted, classes);
                Files.createDirectories(jar.getParent());
                packJar(classes, jar);
            } finally {
                deleteTree(classes);
            }
            return new CompiledProgram(jar, key, false);
        }
    }

    /** How many times this compiler has started javac: cache hits do not count. */
    public int javacRuns() {
        return javacRuns.get();
    }

    public List<Path> engineClasspath() {
        return engineClasspath;
    }

    public Path cacheRoot() {
        return cacheRoot;
    }

    private void javac(Map<String, String> sources, Path classes) throws CompileException, IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException(
                    "this Java runtime has no compiler (module jdk.compiler); run ProcLab on a JDK");
        }
        List<Source> units = new ArrayList<>();
        sources.forEach((name, text) -> units.add(new Source(name, text)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok;
        try (StandardJavaFileManager files =
                compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, engineClasspath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            List<String> options = List.of("--release", RELEASE, "-g", "-proc:none", "-implicit:none", "-Xlint:none");
            javacRuns.incrementAndGet();
            ok = compiler.getTask(null, files, diagnostics, options, null, units)
                    .call();
        }
        List<CompileError> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(LessonCompiler::toError)
                .toList();
        if (!ok || !errors.isEmpty()) {
            throw new CompileException(
                    errors.isEmpty() ? List.of(new CompileError("", 0, 0, "javac failed without saying why")) : errors);
        }
    }

    private static CompileError toError(Diagnostic<? extends JavaFileObject> d) {
        JavaFileObject source = d.getSource();
        String file = source == null
                ? ""
                : source instanceof Source s
                        ? s.fileName
                        : Path.of(source.getName()).getFileName().toString();
        long line = Math.max(d.getLineNumber(), 0);
        long column = Math.max(d.getColumnNumber(), 0);
        return new CompileError(file, line, column, d.getMessage(Locale.ROOT));
    }

    private String key(Map<String, String> sources) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        update(sha, CACHE_FORMAT, "--release " + RELEASE);
        for (Map.Entry<String, String> source : sources.entrySet()) {
            byte[] text = source.getValue().getBytes(StandardCharsets.UTF_8);
            update(sha, "source", source.getKey(), Integer.toString(text.length));
            sha.update(text);
        }
        for (Path entry : engineClasspath) {
            update(sha, "classpath", entry.toString());
            identity(sha, entry);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Path, size and time of a jar, or of every file inside a class folder: enough to notice a rebuild. */
    private static void identity(MessageDigest sha, Path entry) throws IOException {
        if (Files.isRegularFile(entry)) {
            BasicFileAttributes a = Files.readAttributes(entry, BasicFileAttributes.class);
            update(
                    sha,
                    Long.toString(a.size()),
                    Long.toString(a.lastModifiedTime().toMillis()));
        } else if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    update(
                            sha,
                            entry.relativize(f).toString(),
                            Long.toString(a.size()),
                            Long.toString(a.lastModifiedTime().toMillis()));
                }
            }
        } else {
            update(sha, "missing");
        }
    }

    private static void update(MessageDigest sha, String... parts) {
        for (String part : parts) {
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    private static void packJar(Path classes, Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(new Attributes.Name("Created-By"), "ProcLab lesson compiler");
        Path temp = Files.createTempFile(jar.getParent(), JAR_NAME, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp);
                    JarOutputStream jarOut = new JarOutputStream(out, manifest);
                    Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(p -> !p.equals(classes)).sorted().toList()) {
                    String name = classes.relativize(f).toString().replace('\\', '/');
                    boolean dir = Files.isDirectory(f);
                    JarEntry entry = new JarEntry(dir ? name + "/" : name);
                    entry.setTime(ENTRY_TIME);
                    jarOut.putNextEntry(entry);
                    if (!dir) {
                        Files.copy(f, jarOut);
                    }
                    jarOut.closeEntry();
                }
            }
            try {
                Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** A source file held in memory, remembering the name it was given for error messages. */
    private static final class Source extends SimpleJavaFileObject {
        private final String fileName;
        private final String text;

        Source(String fileName, String text) {
            super(URI.create("string:///" + fileName), Kind.SOURCE);
            this.fileName = fileName;
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
