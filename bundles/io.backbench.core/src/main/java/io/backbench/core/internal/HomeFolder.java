package io.backbench.core.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** The rule that picks the per-user home folder; kept free of OSGi so it can be unit-tested. */
final class HomeFolder {
    static final String ENV_HOME = "BACKBENCH_HOME";
    static final String ENV_XDG = "XDG_DATA_HOME";

    private HomeFolder() {
    }

    /**
     * The framework property wins (the launcher sets it), then {@code $BACKBENCH_HOME}, then
     * {@code $XDG_DATA_HOME/backbench}, then {@code ~/.local/share/backbench}.
     */
    static Path resolve(Function<String, String> frameworkProperty, Map<String, String> env, String userHome) {
        String configured = blankToNull(frameworkProperty.apply(io.backbench.core.api.DataFolders.HOME_PROPERTY));
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        String home = blankToNull(env.get(ENV_HOME));
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String xdg = blankToNull(env.get(ENV_XDG));
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "backbench").normalize();
        }
        return Path.of(userHome, ".local", "share", "backbench").toAbsolutePath().normalize();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
