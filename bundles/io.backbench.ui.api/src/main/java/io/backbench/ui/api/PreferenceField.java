package io.backbench.ui.api;

import java.util.List;
import java.util.Objects;

/**
 * One field of a {@link PreferencePageContribution}, enough for the workbench to draw it, check it
 * and store it. Values are stored in Configuration Admin as {@code String} (STRING, CHOICE, SECRET),
 * {@code Integer} (INTEGER) or {@code Boolean} (BOOLEAN).
 *
 * @param key          the configuration property
 * @param label        the field label: "Parallel jobs"
 * @param description  a help text shown below the field: what it changes, an example
 * @param type         how it is edited
 * @param defaultValue the value shown when the configuration has none, as text ("4", "true"), or ""
 * @param choices      the allowed values of a CHOICE, else empty
 * @param min          the smallest allowed INTEGER (inclusive)
 * @param max          the largest allowed INTEGER (inclusive)
 */
public record PreferenceField(String key, String label, String description, Type type, String defaultValue,
                              List<String> choices, long min, long max) {

    /** How a field is edited. */
    public enum Type {
        STRING, INTEGER, BOOLEAN, CHOICE,
        /** A password or token: shown masked. Stored as given, like every configuration value. */
        SECRET
    }

    public PreferenceField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a preference field needs a key");
        }
        description = description == null ? "" : description;
        defaultValue = defaultValue == null ? "" : defaultValue;
        choices = List.copyOf(choices == null ? List.of() : choices);
        if (type == Type.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("choice field '" + key + "' has no choices");
        }
        if (min > max) {
            throw new IllegalArgumentException("field '" + key + "': min " + min + " is above max " + max);
        }
    }

    public static PreferenceField string(String key, String label, String defaultValue, String description) {
        return new PreferenceField(key, label, description, Type.STRING, defaultValue, List.of(),
                Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static PreferenceField integer(String key, String label, int defaultValue, long min, long max,
                                          String description) {
        return new PreferenceField(key, label, description, Type.INTEGER, Integer.toString(defaultValue),
                List.of(), min, max);
    }

    public static PreferenceField bool(String key, String label, boolean defaultValue, String description) {
        return new PreferenceField(key, label, description, Type.BOOLEAN, Boolean.toString(defaultValue),
                List.of(), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static PreferenceField choice(String key, String label, String defaultValue, List<String> choices,
                                         String description) {
        return new PreferenceField(key, label, description, Type.CHOICE, defaultValue, choices,
                Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public static PreferenceField secret(String key, String label, String description) {
        return new PreferenceField(key, label, description, Type.SECRET, "", List.of(),
                Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
