package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameworkConfigTest {

    /** Set by the launcher only: per-process storage and the launcher's own logging. */
    static final Set<String> LAUNCHER_ONLY = Set.of("org.osgi.framework.storage", "org.osgi.framework.storage.clean",
            "felix.log.level", "felix.log.logger");

    @TempDir
    Path temp;

    @Test
    void setsTheRuntimeContractFromTheHomeFolder() {
        HomeFolder home = new HomeFolder(temp.resolve("home"));
        Map<String, Object> config = FrameworkConfig.build(home, LaunchOptions.Mode.CLI, temp.resolve("product"),
                temp.resolve("storage"), "1.2.3");

        assertEquals(home.home().toString(), config.get("backbench.home"));
        assertEquals(home.home().resolve("plugins").toString(), config.get("felix.fileinstall.dir"));
        assertEquals(home.home().resolve("config/cm").toString(), config.get("felix.cm.dir"));
        assertEquals("cli", config.get("backbench.mode"));
        assertEquals("1.2.3", config.get("backbench.version"));
        assertEquals("multiple", config.get("org.osgi.framework.bsnversion"));
        assertEquals(temp.resolve("storage").toString(), config.get("org.osgi.framework.storage"));
    }

    @Test
    void testRunsSetTheSamePropertiesAsTheLauncher() throws Exception {
        // features/launch.bnd gives bnd-testing runs the launcher's properties; keep the two in step
        Path launchBnd = Path.of("..", "features", "launch.bnd");
        assertTrue(Files.isRegularFile(launchBnd), "missing " + launchBnd.toAbsolutePath());
        Properties bnd = new Properties();
        try (Reader reader = Files.newBufferedReader(launchBnd)) {
            bnd.load(reader);
        }
        Set<String> testKeys = Arrays.stream(bnd.getProperty("-runproperties.launch").split(","))
                .map(entry -> entry.split("=")[0].trim()).collect(Collectors.toCollection(TreeSet::new));

        Set<String> launcherKeys = FrameworkConfig.build(HomeFolder.resolve(Optional.of(temp), Map.of(), "/"),
                LaunchOptions.Mode.HEADLESS, temp, temp, "1").keySet().stream()
                .filter(k -> !LAUNCHER_ONLY.contains(k)).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(launcherKeys, testKeys);
    }
}
