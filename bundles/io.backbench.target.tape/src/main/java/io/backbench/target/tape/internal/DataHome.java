package io.backbench.target.tape.internal;

import java.nio.file.Path;

/** The per-user data folder when the framework property is not set (see the core's DataFolders). */
final class DataHome {
    private DataHome() {
    }

    static Path resolve(String property) {
        if (property != null && !property.isBlank()) {
            return Path.of(property.trim());
        }
        String env = System.getenv("BACKBENCH_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env.trim());
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg.trim(), "backbench");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "backbench");
    }
}
