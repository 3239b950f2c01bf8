package io.backbench.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The per-user data folder: {@code --home}, else {@code $BACKBENCH_HOME}, else
 * {@code $XDG_DATA_HOME/backbench}, else {@code ~/.local/share/backbench} (the contract of the core's
 * DataFolders), and its sub-folders.
 */
record HomeFolder(Path home) {

    static final String[] SUB_FOLDERS = {"config", "config/cm", "catalog", "cache", "plugins"};

    static HomeFolder resolve(Optional<Path> override, Map<String, String> env, String userHome) {
        Path home = override.orElseGet(() -> fromEnvironment(env, userHome));
        return new HomeFolder(home.toAbsolutePath().normalize());
    }

    private static Path fromEnvironment(Map<String, String> env, String userHome) {
        String explicit = env.get("BACKBENCH_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_DATA_HOME");
        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored (as the core's HomeFolder does)
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "backbench");
        }
        return Path.of(userHome, ".local", "share", "backbench");
    }

    /** Creates the home and its sub-folders; the message names the folder that could not be made. */
    HomeFolder create() throws IOException {
        for (String sub : SUB_FOLDERS) {
            Path folder = home.resolve(sub);
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new IOException("cannot create the data folder " + folder + " (" + e
                        + "); choose another with --home DIR or BACKBENCH_HOME", e);
            }
        }
        return this;
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path configAdmin() {
        return home.resolve("config").resolve("cm");
    }
}
