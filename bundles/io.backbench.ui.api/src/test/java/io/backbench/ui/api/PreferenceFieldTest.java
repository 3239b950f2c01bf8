package io.backbench.ui.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PreferenceFieldTest {

    @Test
    void choiceWithoutChoicesIsRefusedWithTheKeyInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreferenceField.choice("mode", "Mode", "fast", List.of(), ""));
        assertTrue(e.getMessage().contains("'mode'"), e.getMessage());
    }

    @Test
    void integerFieldKeepsItsDefaultAsTextAndItsBounds() {
        PreferenceField f = PreferenceField.integer("workers", "Parallel jobs", 2, 1, 64, "How many");
        assertEquals("2", f.defaultValue());
        assertEquals(1, f.min());
        assertEquals(64, f.max());
        assertEquals(PreferenceField.Type.INTEGER, f.type());
    }

    @Test
    void minAboveMaxIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> PreferenceField.integer("workers", "Parallel jobs", 2, 10, 1, ""));
    }

    @Test
    void blankKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PreferenceField.string(" ", "x", "", ""));
    }

    @Test
    void missingDescriptionAndDefaultBecomeEmptyText() {
        PreferenceField f = new PreferenceField("k", "K", null, PreferenceField.Type.STRING, null, null, 0, 0);
        assertEquals("", f.description());
        assertEquals("", f.defaultValue());
        assertEquals(List.of(), f.choices());
    }
}
