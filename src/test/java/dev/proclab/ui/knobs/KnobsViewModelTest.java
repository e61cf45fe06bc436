package dev.proclab.ui.knobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.proclab.lesson.KnobException;
import dev.proclab.ui.support.TestLessons;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnobsViewModelTest {
    private final KnobsViewModel knobs = new KnobsViewModel();

    @Test
    void knobsStartAtTheirDefaultsAndGiveTheirValuesInDisplayOrder() {
        knobs.load(List.of(
                TestLessons.intKnob("children", 3, 1, 8), TestLessons.choiceKnob("join", "after", "after", "inside")));

        assertThat(knobs.values())
                .containsExactly(java.util.Map.entry("children", "3"), java.util.Map.entry("join", "after"));
        assertThat(knobs.allValidProperty().get()).isTrue();
    }

    @Test
    void aValueOutOfRangeIsListedAsInvalidUntilItIsFixed() {
        knobs.load(List.of(TestLessons.intKnob("children", 3, 1, 8)));
        var field = knobs.field("children");

        field.valueProperty().set("12");

        assertThat(knobs.allValidProperty().get()).isFalse();
        assertThat(knobs.invalid()).containsExactly(field);
        assertThat(field.validProperty().get()).isFalse();
        assertThatThrownBy(knobs::values).isInstanceOf(KnobException.class);

        field.valueProperty().set(" 08 ");

        assertThat(knobs.allValidProperty().get()).isTrue();
        assertThat(knobs.values()).containsEntry("children", "8");
    }

    @Test
    void textThatIsNoNumberIsInvalid() {
        knobs.load(List.of(TestLessons.intKnob("children", 3, 1, 8)));

        knobs.field("children").valueProperty().set("three");

        assertThat(knobs.invalid()).hasSize(1);
    }

    @Test
    void defaultsBringEveryKnobBack() {
        knobs.load(List.of(
                TestLessons.intKnob("children", 3, 1, 8), TestLessons.choiceKnob("join", "after", "after", "inside")));
        knobs.field("children").valueProperty().set("99");
        knobs.field("join").valueProperty().set("inside");

        knobs.resetToDefaults();

        assertThat(knobs.values()).containsEntry("children", "3").containsEntry("join", "after");
        assertThat(knobs.allValidProperty().get()).isTrue();
    }

    @Test
    void anotherLessonsKnobsReplaceTheOldOnes() {
        knobs.load(List.of(TestLessons.intKnob("children", 3, 1, 8)));
        knobs.field("children").valueProperty().set("99");

        knobs.load(List.of());

        assertThat(knobs.fields()).isEmpty();
        assertThat(knobs.allValidProperty().get()).isTrue();
    }
}
