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
 *
 * <p>A type's method handles are made the first time it is written (its accessors) or read (its
 * constructor, spread over an array, called with {@code invokeExact}): a child writes only a few of the
 * types and reads none, so it makes only the handles it needs. The accessors are called with
 * {@code invoke}, whose adaptations a new child finds in the class-data-sharing archive; exact-typed
 * accessors would spin about ten more {@code LambdaForm} classes in every child (measured with
 * {@code StartupBench --classload}: 22 classes generated at run time per child against 14).
 */
public final class EventCodec {

    private static final Class<?>[] PERMITTED;
    private static final Map<Class<?>, Integer> INDEX = new HashMap<>();
    private static final Type[] TYPES;

    static {
        Class<?>[] permitted = Event.class.getPermittedSubclasses();
        Arrays.sort(permitted, Comparator.comparing(Class::getName));
        PERMITTED = permitted;
        TYPES = new Type[permitted.length];
        for (int i = 0; i < permitted.length; i++) {
            INDEX.put(permitted[i], i);
        }
    }

    private EventCodec() {}

    private static Type type(int index) {
        Type t = TYPES[index];
        if (t == null) {
            t = new Type(index, PERMITTED[index]);
            TYPES[index] = t; // a race only makes it twice
        }
        return t;
    }

    public static void write(Event event, DataOutput out) throws IOException {
        Type type = type(INDEX.get(event.getClass()));
        MethodHandle[] accessors = type.accessors();
        out.writeByte(type.index);
        for (int i = 0; i < accessors.length; i++) {
            Object value;
            try {
                value = accessors[i].invoke(event);
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
        if (index >= PERMITTED.length) {
            throw new IOException("unknown event type " + index);
        }
        Type type = type(index);
        Object[] values = new Object[type.components.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = readValue(type.components[i].getType(), in);
        }
        try {
            return (Event) type.constructor().invokeExact(values);
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
            Object[] constants = c.getEnumConstants();
            int ordinal = in.readUnsignedByte();
            if (ordinal >= constants.length) {
                throw new IOException("no constant " + ordinal + " in " + c);
            }
            return constants[ordinal];
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
        private volatile MethodHandle[] accessors;
        /** The canonical constructor as {@code (Object[])Event}. */
        private volatile MethodHandle constructor;

        Type(int index, Class<?> recordClass) {
            this.index = index;
            this.recordClass = recordClass;
            this.components = recordClass.getRecordComponents();
        }

        MethodHandle[] accessors() {
            MethodHandle[] a = accessors;
            if (a == null) {
                a = new MethodHandle[components.length];
                try {
                    for (int i = 0; i < a.length; i++) {
                        a[i] = MethodHandles.publicLookup().unreflect(components[i].getAccessor());
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot encode " + recordClass, e);
                }
                accessors = a;
            }
            return a;
        }

        MethodHandle constructor() {
            MethodHandle c = constructor;
            if (c == null) {
                Class<?>[] params = new Class<?>[components.length];
                for (int i = 0; i < params.length; i++) {
                    params[i] = components[i].getType();
                }
                try {
                    c = MethodHandles.publicLookup()
                            .findConstructor(recordClass, MethodType.methodType(void.class, params))
                            .asSpreader(Object[].class, params.length)
                            .asType(MethodType.methodType(Event.class, Object[].class));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot decode " + recordClass, e);
                }
                constructor = c;
            }
            return c;
        }
    }
}
