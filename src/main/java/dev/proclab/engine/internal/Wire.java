package dev.proclab.engine.internal;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The child ↔ supervisor protocol on the run's Unix socket.
 *
 * <p>A child opens one connection, writes {@link #HELLO_MAGIC}, the run's auth key ({@link #KEY_BYTES}
 * bytes) and its pid, then any number of frames: a frame is an {@code int} byte length followed by one
 * {@link EventCodec} record or one {@link Ipc.Request}. The supervisor closes a connection whose key is
 * wrong without reading further. The supervisor writes only {@link Ipc.Reply} frames (same framing) on the
 * same connection; the child treats end-of-stream as the supervisor's death.
 *
 * <p>{@link Out} and {@link In} are the unsynchronised buffers both ends use to write and read frames
 * without a stream or an allocation per frame; each belongs to one thread at a time.
 */
public final class Wire {
    public static final int HELLO_MAGIC = 0x50524f43; // "PROC"
    public static final int KEY_BYTES = 32;
    public static final int MAX_FRAME = 16 << 20;

    private Wire() {}

    /**
     * A growable byte buffer to encode frames into: {@link #beginFrame()}, the record's fields through the
     * {@link DataOutput} methods, {@link #endFrame(int)}; then {@link #buffer()} to send them all in one write.
     */
    public static final class Out implements DataOutput {
        private byte[] bytes;
        private int size;

        public Out(int capacity) {
            bytes = new byte[Math.max(64, capacity)];
        }

        public void reset() {
            size = 0;
        }

        public int size() {
            return size;
        }

        /** Reserves the frame's length; returns where it goes, for {@link #endFrame(int)}. */
        public int beginFrame() {
            int at = size;
            writeInt(0);
            return at;
        }

        /** Fills in the length of the frame begun at {@code at}. */
        public void endFrame(int at) {
            int n = size - at - 4;
            bytes[at] = (byte) (n >>> 24);
            bytes[at + 1] = (byte) (n >>> 16);
            bytes[at + 2] = (byte) (n >>> 8);
            bytes[at + 3] = (byte) n;
        }

        /** What was written since {@link #reset()}, wrapped (not copied) for a channel write. */
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes, 0, size);
        }

        private void room(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }

        @Override
        public void write(int b) {
            room(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b) {
            write(b, 0, b.length);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        @Override
        public void writeBoolean(boolean v) {
            write(v ? 1 : 0);
        }

        @Override
        public void writeByte(int v) {
            write(v);
        }

        @Override
        public void writeShort(int v) {
            room(2);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        @Override
        public void writeChar(int v) {
            writeShort(v);
        }

        @Override
        public void writeInt(int v) {
            room(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        @Override
        public void writeLong(long v) {
            writeInt((int) (v >>> 32));
            writeInt((int) v);
        }

        @Override
        public void writeFloat(float v) {
            writeInt(Float.floatToIntBits(v));
        }

        @Override
        public void writeDouble(double v) {
            writeLong(Double.doubleToLongBits(v));
        }

        @Override
        public void writeBytes(String s) {
            for (int i = 0; i < s.length(); i++) {
                write(s.charAt(i));
            }
        }

        @Override
        public void writeChars(String s) {
            for (int i = 0; i < s.length(); i++) {
                writeChar(s.charAt(i));
            }
        }

        @Override
        public void writeUTF(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            writeShort(b.length);
            write(b);
        }
    }

    /** Reads fields from a {@link ByteBuffer} (big-endian, as {@link Out} writes them). */
    public static final class In implements DataInput {
        private final ByteBuffer buffer;

        public In(ByteBuffer buffer) {
            this.buffer = buffer;
        }

        private void need(int n) throws EOFException {
            if (buffer.remaining() < n) {
                throw new EOFException("frame ends " + (n - buffer.remaining()) + " bytes early");
            }
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            need(len);
            buffer.get(b, off, len);
        }

        @Override
        public int skipBytes(int n) {
            int k = Math.min(n, buffer.remaining());
            buffer.position(buffer.position() + k);
            return k;
        }

        @Override
        public boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        @Override
        public byte readByte() throws IOException {
            need(1);
            return buffer.get();
        }

        @Override
        public int readUnsignedByte() throws IOException {
            return readByte() & 0xff;
        }

        @Override
        public short readShort() throws IOException {
            need(2);
            return buffer.getShort();
        }

        @Override
        public int readUnsignedShort() throws IOException {
            return readShort() & 0xffff;
        }

        @Override
        public char readChar() throws IOException {
            need(2);
            return buffer.getChar();
        }

        @Override
        public int readInt() throws IOException {
            need(4);
            return buffer.getInt();
        }

        @Override
        public long readLong() throws IOException {
            need(8);
            return buffer.getLong();
        }

        @Override
        public float readFloat() throws IOException {
            need(4);
            return buffer.getFloat();
        }

        @Override
        public double readDouble() throws IOException {
            need(8);
            return buffer.getDouble();
        }

        @Override
        public String readLine() {
            throw new UnsupportedOperationException("no lines on the wire");
        }

        @Override
        public String readUTF() throws IOException {
            return DataInputStream.readUTF(this);
        }
    }
}
