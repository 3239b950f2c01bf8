package io.backbench.target.api;

import java.util.List;
import java.util.Objects;

/**
 * One setting of a target type, enough for a UI to draw a form field and for the CLI to parse
 * {@code key=value}.
 *
 * @param key          the name in configuration, e.g. {@code path}, {@code bucket}
 * @param label        the field label, e.g. "Folder"
 * @param description  a help text: what the value means and an example
 * @param type         how to edit and parse the value
 * @param required     whether {@link TargetFactory#open} fails without it
 * @param defaultValue the value used when it is absent, or {@code null}
 * @param choices      the allowed values for {@link Type#CHOICE}, else empty
 */
public record SettingDescriptor(String key, String label, String description, Type type, boolean required,
                                String defaultValue, List<String> choices) {

    /** How a setting's value is edited and parsed. */
    public enum Type {
        STRING, INTEGER, BOOLEAN, PATH, URL,
        /** Kept encrypted at rest, shown masked. */
        SECRET,
        CHOICE
    }

    public SettingDescriptor {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        choices = List.copyOf(choices == null ? List.of() : choices);
    }

    public static SettingDescriptor required(String key, String label, Type type, String description) {
        return new SettingDescriptor(key, label, description, type, true, null, List.of());
    }

    public static SettingDescriptor optional(String key, String label, Type type, String defaultValue,
                                             String description) {
        return new SettingDescriptor(key, label, description, type, false, defaultValue, List.of());
    }
}
