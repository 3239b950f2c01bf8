package io.backbench.ui.workbench.internal.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.backbench.ui.api.PreferenceField;

import org.junit.jupiter.api.Test;

class FieldEditorsTest {

    private static final PreferenceField WORKERS = PreferenceField.integer("workers", "Parallel jobs", 2, 1, 64, "");

    @Test
    void integerOutsideItsBoundsIsRefusedNamingTheBounds() {
        String problem = ConfigPreferencePage.FieldEditors.check(WORKERS, "65");
        assertEquals("Parallel jobs must be between 1 and 64.", problem);
    }

    @Test
    void textInAnIntegerFieldIsRefusedQuotingIt() {
        String problem = ConfigPreferencePage.FieldEditors.check(WORKERS, "lots");
        assertTrue(problem.contains("whole number") && problem.contains("\"lots\""), problem);
    }

    @Test
    void valuesAreStoredWithTheirConfigurationTypes() {
        assertEquals(8, ConfigPreferencePage.FieldEditors.value(WORKERS, " 8 "));
        assertEquals(Boolean.TRUE, ConfigPreferencePage.FieldEditors.value(
                PreferenceField.bool("mail", "Mail", false, ""), "true"));
        assertEquals("html", ConfigPreferencePage.FieldEditors.value(
                PreferenceField.choice("format", "Format", "pdf", List.of("pdf", "html"), ""), "html"));
    }

    @Test
    void nonIntegerFieldsAreNotChecked() {
        assertNull(ConfigPreferencePage.FieldEditors.check(PreferenceField.string("t", "T", "", ""), "anything"));
    }
}
