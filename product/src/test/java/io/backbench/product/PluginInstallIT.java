package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backbench plugins install} with the sample target plugin, as an administrator runs it. */
class PluginInstallIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void installSaysWhatThePluginContributesAndLeavesNoStagingFolder() throws Exception {
        Path sample = Path.of(Backbench.requiredProperty("backbench.it.samplePlugin"));

        Backbench.Result result = Backbench.run(home, work, "plugins", "install", sample.toString());

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().startsWith("installed io.backbench.sample.target "), result.toString());
        // its TargetFactory is registered by SCR a moment after the bundle started
        assertTrue(result.out().contains("target type: sample"), "the output should say what it contributes: " + result);
        try (Stream<Path> files = Files.list(home)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.contains("staging")), "left in the data folder: " + names);
        }
    }
}
