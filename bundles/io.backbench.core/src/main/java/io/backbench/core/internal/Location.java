package io.backbench.core.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.backbench.target.api.TargetException;

/**
 * A repository location, parsed (see {@link io.backbench.core.api.ConfiguredTargets}): a configured
 * target's name, a target type with its settings (or with one value for the type's first required
 * setting), or a folder. Pure; the factory lookups happen in {@link TargetResolver}.
 *
 * @param name     the configured target, for {@code target:NAME}; else null
 * @param type     the target type (also {@code disk} for a folder path); null for {@code target:NAME}
 * @param settings the {@code key=value} pairs given
 * @param value    the single value of {@code TYPE:VALUE}, else null
 */
record Location(String text, String name, String type, Map<String, String> settings, String value) {
    static final String NAMED = "target";
    private static final Pattern TYPED = Pattern.compile("([a-z][a-z0-9+.-]*):(.*)", Pattern.DOTALL);

    static Location parse(String location) throws TargetException {
        if (location == null || location.isBlank()) {
            throw TargetException.permanentFailure("no repository location given: use a folder path, target:NAME for"
                    + " a configured target, or TYPE:key=value,... ('backbench targets types' lists the types)", null);
        }
        String text = location.trim();
        Matcher m = TYPED.matcher(text);
        if (text.startsWith("/") || !m.matches()) {
            return new Location(text, null, "disk", Map.of("path", absolute(text, text)), null);
        }
        String type = m.group(1);
        String rest = m.group(2).trim();
        if (type.equals(NAMED)) {
            if (rest.isEmpty()) {
                throw TargetException.permanentFailure("repository location '" + text + "' names no target: write"
                        + " target:NAME ('backbench targets list' shows the configured ones)", null);
            }
            return new Location(text, rest, null, Map.of(), null);
        }
        if (rest.contains("=")) {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String kv : rest.split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw TargetException.permanentFailure("repository location '" + redact(text, Location::secretByName, false)
                            + "': '" + kv + "' is not key=value (write TYPE:key=value,key=value)", null);
                }
                settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
            if (type.equals("disk") && settings.containsKey("path")) {
                settings.put("path", absolute(settings.get("path"), text));
            }
            return new Location(text, null, type, settings, null);
        }
        if (type.equals("disk")) {
            return new Location(text, null, type, rest.isEmpty() ? Map.of() : Map.of("path", absolute(rest, text)), null);
        }
        return new Location(text, null, type, Map.of(), rest.isEmpty() ? null : rest);
    }

    boolean named() {
        return name != null;
    }

    /** What {@link #redact} shows instead of a secret value. */
    static final String MASK = "***";

    /**
     * The location text with the value of every {@code key=value} setting that {@code secret} accepts
     * replaced by {@value #MASK}; {@code TYPE:VALUE} masked whole when {@code secretValue}. Anything that
     * does not parse as a typed location is returned unchanged. Pure.
     */
    static String redact(String location, Predicate<String> secret, boolean secretValue) {
        if (location == null) {
            return null;
        }
        String text = location.trim();
        Matcher m = TYPED.matcher(text);
        if (text.startsWith("/") || !m.matches() || m.group(1).equals(NAMED)) {
            return location;
        }
        String rest = m.group(2);
        if (!rest.contains("=")) {
            return secretValue && !rest.isBlank() ? m.group(1) + ":" + MASK : location;
        }
        StringBuilder sb = new StringBuilder(m.group(1)).append(':');
        String[] parts = rest.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String kv = parts[i];
            int eq = kv.indexOf('=');
            sb.append(i == 0 ? "" : ",");
            sb.append(eq > 0 && secret.test(kv.substring(0, eq).trim()) ? kv.substring(0, eq + 1) + MASK : kv);
        }
        return sb.toString();
    }

    /** A setting whose name says it holds a secret: for types whose descriptors are not at hand. */
    static boolean secretByName(String key) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        return k.contains("secret") || k.contains("password") || k.contains("passphrase") || k.contains("token");
    }

    private static String absolute(String path, String location) throws TargetException {
        try {
            return Path.of(path).toAbsolutePath().normalize().toString();
        } catch (InvalidPathException e) {
            throw TargetException.permanentFailure("repository location '" + location + "' is not a valid folder path: "
                    + e.getMessage(), e);
        }
    }
}
