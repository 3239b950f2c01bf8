package io.backbench.target.api;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The values of a target's settings, as text, with typed accessors that fail with clear messages. */
public final class TargetSettings {
    private final Map<String, String> values;

    private TargetSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static TargetSettings of(Map<String, String> values) {
        return new TargetSettings(new LinkedHashMap<>(values));
    }

    public static TargetSettings of(String key, String value) {
        return new TargetSettings(Map.of(key, value));
    }

    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    public String require(String key) throws TargetException {
        return get(key).orElseThrow(() -> TargetException.permanentFailure(
                "setting '" + key + "' is required but not set", null));
    }

    public long getLong(String key, long defaultValue) throws TargetException {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get().trim());
        } catch (NumberFormatException e) {
            throw TargetException.permanentFailure("setting '" + key + "' must be a whole number, not '" + v.get() + "'", e);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) throws TargetException {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("1")) {
            return true;
        }
        if (s.equals("false") || s.equals("no") || s.equals("0")) {
            return false;
        }
        throw TargetException.permanentFailure("setting '" + key + "' must be true or false, not '" + v.get() + "'", null);
    }

    public Path requirePath(String key) throws TargetException {
        String v = require(key);
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw TargetException.permanentFailure("setting '" + key + "' is not a valid path: " + v, e);
        }
    }

    @Override
    public String toString() {
        return values.keySet().toString();
    }
}
