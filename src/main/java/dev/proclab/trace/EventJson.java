package dev.proclab.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.proclab.engine.event.Event;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes any {@link Event} as a JSON object and reads it back to an equal record: {@code "@type"} holds the
 * record's simple name, and every record component is a field of the same name.
 *
 * <p>It works from the records themselves (the permitted subclasses of {@link Event} and their
 * components), so event types the engine adds later need no change here as long as their components are
 * primitives, boxed primitives, strings, enums, records of these, lists of these or maps from strings to
 * these. Longs are written as JSON integers and read back exactly; doubles that JSON cannot hold (NaN,
 * infinities) are written as strings.
 */
public final class EventJson {

    /** The field that names the event's record type. */
    public static final String TYPE_FIELD = "@type";

    private static final Map<String, Class<?>> TYPES = eventTypes();

    private EventJson() {}

    public static void write(JsonGenerator gen, Event event) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(TYPE_FIELD, event.getClass().getSimpleName());
        writeComponents(gen, (Record) event);
        gen.writeEndObject();
    }

    /**
     * The event a JSON object written by {@link #write} describes.
     *
     * @throws IOException when the object names no known event type or lacks a component, or a value
     *     does not fit its component
     */
    public static Event read(JsonNode node) throws IOException {
        JsonNode type = node.get(TYPE_FIELD);
        if (type == null || !type.isTextual()) {
            throw new IOException("event has no \"" + TYPE_FIELD + "\": " + abbreviate(node));
        }
        Class<?> recordType = TYPES.get(type.asText());
        if (recordType == null) {
            throw new IOException("unknown event type \"" + type.asText() + "\"; known: " + TYPES.keySet());
        }
        return (Event) readRecord(recordType, node);
    }

    private static void writeComponents(JsonGenerator gen, Record record) throws IOException {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            gen.writeFieldName(component.getName());
            writeValue(gen, accessor(component, record), component.getGenericType());
        }
    }

    private static void writeValue(JsonGenerator gen, Object value, Type type) throws IOException {
        if (value == null) {
            gen.writeNull();
        } else if (value instanceof Long
                || value instanceof Integer
                || value instanceof Short
                || value instanceof Byte) {
            gen.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                gen.writeNumber(d);
            } else {
                gen.writeString(Double.toString(d));
            }
        } else if (value instanceof Boolean b) {
            gen.writeBoolean(b);
        } else if (value instanceof String || value instanceof Character) {
            gen.writeString(value.toString());
        } else if (value instanceof Enum<?> e) {
            gen.writeString(e.name());
        } else if (value instanceof Record r) {
            gen.writeStartObject();
            writeComponents(gen, r);
            gen.writeEndObject();
        } else if (value instanceof Collection<?> c) {
            Type element = typeArgument(type, 0);
            gen.writeStartArray();
            for (Object item : c) {
                writeValue(gen, item, element);
            }
            gen.writeEndArray();
        } else if (value instanceof Map<?, ?> m) {
            Type valueType = typeArgument(type, 1);
            gen.writeStartObject();
            for (Map.Entry<?, ?> entry : m.entrySet()) {
                gen.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(gen, entry.getValue(), valueType);
            }
            gen.writeEndObject();
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static Record readRecord(Class<?> type, JsonNode node) throws IOException {
        if (!node.isObject()) {
            throw new IOException(type.getSimpleName() + " must be a JSON object: " + abbreviate(node));
        }
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            parameterTypes[i] = component.getType();
            JsonNode value = node.get(component.getName());
            if (value == null) {
                throw new IOException(type.getSimpleName() + " lacks \"" + component.getName() + "\"");
            }
            try {
                values[i] = readValue(value, component.getGenericType());
            } catch (IOException | RuntimeException e) {
                throw new IOException(type.getSimpleName() + "." + component.getName() + ": " + e.getMessage(), e);
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IOException(
                    "invalid " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readValue(JsonNode node, Type type) throws IOException {
        Class<?> raw = rawClass(type);
        if (node.isNull()) {
            if (raw.isPrimitive()) {
                throw new IOException("null for a " + raw.getName());
            }
            return null;
        }
        if (raw == long.class || raw == Long.class) {
            return integral(node).longValue();
        } else if (raw == int.class || raw == Integer.class) {
            return Math.toIntExact(integral(node).longValue());
        } else if (raw == short.class || raw == Short.class) {
            return (short) Math.toIntExact(integral(node).longValue());
        } else if (raw == byte.class || raw == Byte.class) {
            return (byte) Math.toIntExact(integral(node).longValue());
        } else if (raw == double.class || raw == Double.class) {
            return floating(node);
        } else if (raw == float.class || raw == Float.class) {
            return (float) floating(node);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (!node.isBoolean()) {
                throw new IOException("expected true or false, got " + abbreviate(node));
            }
            return node.booleanValue();
        } else if (raw == char.class || raw == Character.class) {
            String s = text(node);
            if (s.length() != 1) {
                throw new IOException("expected one character, got " + abbreviate(node));
            }
            return s.charAt(0);
        } else if (raw == String.class) {
            return text(node);
        } else if (raw.isEnum()) {
            try {
                return Enum.valueOf((Class) raw, text(node));
            } catch (IllegalArgumentException e) {
                throw new IOException("no " + raw.getSimpleName() + " named " + abbreviate(node), e);
            }
        } else if (raw.isRecord()) {
            return readRecord(raw, node);
        } else if (List.class.isAssignableFrom(raw) || raw == Collection.class) {
            if (!node.isArray()) {
                throw new IOException("expected an array, got " + abbreviate(node));
            }
            Type element = typeArgument(type, 0);
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                list.add(readValue(item, element));
            }
            return List.copyOf(list);
        } else if (Map.class.isAssignableFrom(raw)) {
            if (!node.isObject()) {
                throw new IOException("expected an object, got " + abbreviate(node));
            }
            Type valueType = typeArgument(type, 1);
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), readValue(entry.getValue(), valueType));
            }
            return Collections.unmodifiableMap(map);
        }
        throw new IOException("cannot read a " + type.getTypeName() + " from JSON");
    }

    private static Number integral(JsonNode node) throws IOException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IOException("expected a whole number, got " + abbreviate(node));
        }
        return node.longValue();
    }

    private static double floating(JsonNode node) throws IOException {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            switch (node.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
            }
        }
        throw new IOException("expected a number, got " + abbreviate(node));
    }

    private static String text(JsonNode node) throws IOException {
        if (!node.isTextual()) {
            throw new IOException("expected a string, got " + abbreviate(node));
        }
        return node.textValue();
    }

    private static Object accessor(RecordComponent component, Record record) {
        try {
            var method = component.getAccessor();
            method.setAccessible(true);
            return method.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    private static Map<String, Class<?>> eventTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        addEventTypes(Event.class, types);
        return Map.copyOf(types);
    }

    // Walks nested sealed interfaces too, in case events come to be grouped (lock events, queue events).
    private static void addEventTypes(Class<?> sealed, Map<String, Class<?>> types) {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            if (type.isRecord()) {
                Class<?> clash = types.put(type.getSimpleName(), type);
                if (clash != null && clash != type) {
                    throw new IllegalStateException("two event types named " + type.getSimpleName());
                }
            } else if (type.isSealed()) {
                addEventTypes(type, types);
            }
        }
    }

    private static String abbreviate(JsonNode node) {
        String s = node.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
