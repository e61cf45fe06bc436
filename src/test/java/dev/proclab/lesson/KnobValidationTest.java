package dev.proclab.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnobValidationTest {

    private Lesson lesson;

    @BeforeEach
    void loadLesson(@TempDir Path root) {
        lesson = TestLessons.load(root, "alpha", TestLessons.goodYaml("alpha", 1));
    }

    @Test
    void noOverridesGiveEveryDefaultInDeclarationOrder() {
        // when
        Map<String, String> knobs = lesson.resolveKnobs(Map.of());

        // then
        assertThat(knobs)
                .containsExactly(
                        Map.entry("n", "3"),
                        Map.entry("speed", "0.5"),
                        Map.entry("daemon", "true"),
                        Map.entry("join", "after"),
                        Map.entry("label", "hi there"));
    }

    @Test
    void overridesReplaceDefaultsInCanonicalSpelling() {
        // given
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("n", " +8 ");
        overrides.put("speed", "12.5");
        overrides.put("daemon", "FALSE");
        overrides.put("join", "never");
        overrides.put("label", " spaces kept ");

        // when
        Map<String, String> knobs = lesson.resolveKnobs(overrides);

        // then
        assertThat(knobs)
                .containsEntry("n", "8")
                .containsEntry("speed", "12.5")
                .containsEntry("daemon", "false")
                .containsEntry("join", "never")
                .containsEntry("label", " spaces kept ");
    }

    @Test
    void anUnknownKnobIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("childs", "2")))
                .isInstanceOf(KnobException.class)
                .hasMessage("lesson 'alpha' has no knob 'childs'; its knobs are: n, speed, daemon, join, label")
                .satisfies(e -> assertThat(((KnobException) e).knob()).isEqualTo("childs"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() {
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("n", "2.5")))
                .isInstanceOf(KnobException.class)
                .hasMessage("knob 'n' must be a whole number from 1 to 8, not '2.5'");
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("speed", "fast")))
                .hasMessage("knob 'speed' must be a number of at least 0, not 'fast'");
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("speed", "NaN"))).isInstanceOf(KnobException.class);
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("daemon", "yes")))
                .hasMessage("knob 'daemon' must be true or false, not 'yes'");
    }

    @Test
    void aValueOutOfRangeIsRefused() {
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("n", "9")))
                .isInstanceOf(KnobException.class)
                .hasMessage("knob 'n' must be a whole number from 1 to 8, not 9");
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("speed", "-0.1")))
                .hasMessage("knob 'speed' must be a number of at least 0, not -0.1");
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("n", "99999999999")))
                .isInstanceOf(KnobException.class);
    }

    @Test
    void aValueNotAmongTheChoicesIsRefused() {
        assertThatThrownBy(() -> lesson.resolveKnobs(Map.of("join", "later")))
                .isInstanceOf(KnobException.class)
                .hasMessage("knob 'join' must be one of after, inside, never, not 'later'");
    }

    @Test
    void theRealStartJoinLessonRefusesTooManyChildren() {
        // given
        Lesson startJoin = LessonCatalog.loadDefault().find("start-join").orElseThrow();

        // then
        assertThatThrownBy(() -> startJoin.resolveKnobs(Map.of("children", "20")))
                .hasMessage("knob 'children' must be a whole number from 1 to 8, not 20");
    }
}
