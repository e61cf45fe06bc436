package dev.proclab.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proclab.engine.event.Event;
import dev.proclab.engine.event.Exited;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyEventTypeTheEngineDeclaresRoundTrips() throws Exception {
        // given: one instance of each record the sealed interface permits, with unusual values
        List<Event> samples = new ArrayList<>();
        collectSamples(Event.class, samples);

        for (Event event : samples) {
            // when
            Event back = EventJson.read(mapper.readTree(json(event)));

            // then
            assertThat(back).as(event.getClass().getSimpleName()).isEqualTo(event);
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void theTypeAndEveryComponentAreFieldsOfTheObject() throws IOException {
        // given
        Event event = new Exited(3, -42, 10, 11, -15);

        // when
        String json = json(event);

        // then
        assertThat(mapper.readTree(json))
                .isEqualTo(mapper.readTree(
                        "{\"@type\":\"Exited\",\"seq\":3,\"nanos\":-42,\"pid\":10,\"exitedPid\":11,\"exitCode\":-15}"));
    }

    @Test
    void anUnknownTypeOrAMissingComponentIsAnErrorThatSaysWhich() {
        assertThatThrownBy(() -> EventJson.read(mapper.readTree("{\"@type\":\"LockGranted\",\"seq\":1}")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("LockGranted");
        assertThatThrownBy(() -> EventJson.read(mapper.readTree("{\"@type\":\"Exited\",\"seq\":1}")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nanos");
        assertThatThrownBy(() -> EventJson.read(mapper.readTree(
                        "{\"@type\":\"Exited\",\"seq\":1,\"nanos\":1.5,\"pid\":1,\"exitedPid\":2,\"exitCode\":0}")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("nanos");
    }

    private String json(Event event) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = mapper.getFactory().createGenerator(out)) {
            EventJson.write(gen, event);
        }
        return out.toString();
    }

    private static void collectSamples(Class<?> sealed, List<Event> samples) throws Exception {
        for (Class<?> type : sealed.getPermittedSubclasses()) {
            if (type.isRecord()) {
                samples.add((Event) sample(type, samples.size()));
            } else {
                collectSamples(type, samples);
            }
        }
    }

    private static Object sample(Class<?> type, int variant) throws Exception {
        if (type == long.class || type == Long.class) {
            return Long.MIN_VALUE + variant;
        } else if (type == int.class || type == Integer.class) {
            return Integer.MAX_VALUE - variant;
        } else if (type == double.class || type == Double.class) {
            return variant % 2 == 0 ? Double.NaN : 0.1 + variant;
        } else if (type == boolean.class || type == Boolean.class) {
            return variant % 2 == 0;
        } else if (type == String.class) {
            return "line \"" + variant + "\"\n\t中文 \ud83d\ude00";
        } else if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[variant % constants.length];
        } else if (type == List.class) {
            return List.of();
        } else if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = sample(types[i], variant + i);
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        }
        throw new AssertionError("no sample for " + type + ": teach this test and EventJson the new type");
    }
}
