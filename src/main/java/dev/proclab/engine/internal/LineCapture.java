package dev.proclab.engine.internal;

import dev.proclab.engine.event.Output;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code System.out} / {@code System.err} of a child: cuts what the program writes into lines and
 * reports each as an {@link Output} event, stamped when its line ends. Writes come through a
 * {@link java.io.PrintStream}, which serialises them, so one instance is never used by two threads at once.
 */
final class LineCapture extends OutputStream {
    private static final int MAX_LINE = 16 * 1024;

    private final ChildRuntime runtime;
    private final Output.Stream stream;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    LineCapture(ChildRuntime runtime, Output.Stream stream) {
        this.runtime = runtime;
        this.stream = stream;
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            endLine();
        } else {
            line.write(b);
            if (line.size() >= MAX_LINE) {
                endLine();
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                line.write(b, start, i - start);
                endLine();
                start = i + 1;
            }
        }
        line.write(b, start, off + len - start);
        if (line.size() >= MAX_LINE) {
            endLine();
        }
    }

    /** Reports a partial last line, if any (at exit). */
    @Override
    public void flush() {
        // A flush is not a line end; print("x") followed by flush() stays pending until '\n' or exit.
    }

    void finish() {
        if (line.size() > 0) {
            endLine();
        }
    }

    private void endLine() {
        int n = line.size();
        if (n > 0 && line.toByteArray()[n - 1] == '\r') {
            n--;
        }
        String text = new String(line.toByteArray(), 0, n, StandardCharsets.UTF_8);
        line.reset();
        long nanos = System.nanoTime();
        int src = SourceLine.ofCaller();
        long pid = runtime.pid();
        runtime.channel().emit(seq -> new Output(seq, nanos, pid, stream, text, src));
    }
}
