package dev.proclab.engine.internal;

import dev.proclab.engine.event.Event;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Binary form of {@link Event} records on the wire between a child and the supervisor.
 *
 * <p>Both ends run the same engine jar, so a record is written as its type's index among the sealed
 * permits (sorted by name) followed by its components in declaration order. Component types supported:
 * {@code long}, {@code int}, {@code boolean}, {@code double}, {@link String} and enums. Stateless and safe to
 * use from any thread.
 */
public final class EventCodec {

    private static final Type[] TYPES;
    private static final Map<Class<?>, Type> BY_CLASS = new HashMap<>();

    static {
        Class<?>[] permitted = Event.class.getPermittedSubclasses();
        Arrays.sort(permitted, Comparator.comparing(Class::getName));
        TYPES = new Type[permitted.length];
        for (int i = 0; i < permitted.length; i++) {
            TYPES[i] = new Type(i, permitted[i]);
            BY_CLASS.put(permitted[i], TYPES[i]);
        }
    }

    private EventCodec() {}

    public static void write(Event event, DataOutput out) throws IOException {
        Type type = BY_CLASS.get(event.getClass());
        out.writeByte(type.index);
        for (int i = 0; i < type.accessors.length; i++) {
            Object value;
            try {
                value = type.accessors[i].invoke(event);
            } catch (Throwable t) {
                throw new IOException("cannot read " + type.components[i].getName() + " of " + event, t);
            }
            writeValue(type.components[i].getType(), value, out);
        }
    }

    public static Event read(DataInput in) throws IOException {
        return read(in.readUnsignedByte(), in);
    }

    /** Reads the rest of an event whose type index was already read. */
    public static Event read(int index, DataInput in) throws IOException {
        if (index >= TYPES.length) {
            throw new IOException("unknown event type " + index);
        }
        Type type = TYPES[index];
        Object[] values = new Object[type.components.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(type.components[i].getType(), in);
        }
        try {
            return (Event) type.constructor.invokeWithArguments(values);
        } catch (Throwable t) {
            throw new IOException("cannot build " + type.recordClass.getSimpleName(), t);
        }
    }

    private static void writeValue(Class<?> c, Object v, DataOutput out) throws IOException {
        if (c == long.class) {
            out.writeLong((Long) v);
        } else if (c == int.class) {
            out.writeInt((Integer) v);
        } else if (c == boolean.class) {
            out.writeBoolean((Boolean) v);
        } else if (c == double.class) {
            out.writeDouble((Double) v);
        } else if (c == String.class) {
            writeString((String) v, out);
        } else if (c.isEnum()) {
            out.writeByte(((Enum<?>) v).ordinal());
        } else {
            throw new IOException("unsupported event component type " + c);
        }
    }

    private static Object readValue(Class<?> c, DataInput in) throws IOException {
        if (c == long.class) {
            return in.readLong();
        } else if (c == int.class) {
            return in.readInt();
        } else if (c == boolean.class) {
            return in.readBoolean();
        } else if (c == double.class) {
            return in.readDouble();
        } else if (c == String.class) {
            return readString(in);
        } else if (c.isEnum()) {
            return c.getEnumConstants()[in.readUnsignedByte()];
        }
        throw new IOException("unsupported event component type " + c);
    }

    /** Strings longer than 64 KiB are fine here, unlike {@link DataOutput#writeUTF}. */
    private static void writeString(String s, DataOutput out) throws IOException {
        byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (64 << 20)) {
            throw new IOException("string of " + n + " bytes on the wire");
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final class Type {
        final int index;
        final Class<?> recordClass;
        final RecordComponent[] components;
        final MethodHandle[] accessors;
        final MethodHandle constructor;

        Type(int index, Class<?> recordClass) {
            this.index = index;
            this.recordClass = recordClass;
            this.components = recordClass.getRecordComponents();
            this.accessors = new MethodHandle[components.length];
            Class<?>[] params = new Class<?>[components.length];
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            try {
                for (int i = 0; i < components.length; i++) {
                    accessors[i] = lookup.unreflect(components[i].getAccessor());
                    params[i] = components[i].getType();
                }
                constructor = lookup.findConstructor(recordClass, MethodType.methodType(void.class, params));
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
