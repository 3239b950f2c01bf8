package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import io.backbench.core.api.TargetTypes;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.backbench.core.api.LogEntry;
import io.backbench.core.api.LogStore;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;

/**
 * A plugin that is not part of the product (io.backbench.sample.target, type "sample") dropped into
 * the watched plugins folder becomes visible to the core and the CLI without a restart, and goes
 * away when its jar is deleted.
 */
class PluginFolderIT {

    static final Duration PLUGIN_WAIT = Duration.ofSeconds(20);
    static final String SAMPLE = "sample";

    @AfterEach
    void restoreTheSecureDefault() throws IOException {
        PluginTrustFixture.allowUntrusted(false);
    }

    @Test
    void samplePluginAppearsWhenDroppedAndDisappearsWhenDeleted() throws IOException {
        PluginTrustFixture.allowUntrusted(true); // the sample plugin is not signed
        TargetTypes types = Framework.service(TargetTypes.class);
        Path plugins = Path.of(Framework.property("felix.fileinstall.dir"));
        Path sample = Path.of(Framework.property("backbench.itests.samplePlugin"));
        assertTrue(Files.isRegularFile(sample), "the sample plugin jar is missing: " + sample);
        assertFalse(types.find(SAMPLE).isPresent(), "type sample must not exist before the plugin is dropped");
        assertFalse(cliListsSample(), "the CLI must not list type sample before the plugin is dropped");

        Path dropped = drop(sample, plugins);
        assertTrue(Framework.within(PLUGIN_WAIT, () -> types.find(SAMPLE).isPresent()),
                "type sample did not appear in TargetTypes within " + PLUGIN_WAIT.toSeconds() + " s of dropping "
                        + dropped + "; bundles: " + Framework.bundleStates());
        assertTrue(Framework.within(PLUGIN_WAIT, PluginFolderIT::cliListsSample),
                "the CLI does not list type sample: " + CommandLineClient.run("targets", "types", "--json"));

        Files.delete(dropped);
        assertTrue(Framework.within(PLUGIN_WAIT, () -> types.find(SAMPLE).isEmpty()),
                "type sample is still in TargetTypes " + PLUGIN_WAIT.toSeconds() + " s after deleting " + dropped);
        assertTrue(Framework.within(PLUGIN_WAIT, () -> !cliListsSample()),
                "the CLI still lists type sample: " + CommandLineClient.run("targets", "types", "--json"));
    }

    @Test
    void anUnsignedPluginDroppedByHandIsNotStartedAndSaysWhyUntilUnsignedPluginsAreAllowed() throws IOException {
        TargetTypes types = Framework.service(TargetTypes.class);
        PluginManager plugins = Framework.service(PluginManager.class);
        Path sample = Path.of(Framework.property("backbench.itests.samplePlugin"));
        Path dropped = drop(sample, Path.of(Framework.property("felix.fileinstall.dir")));
        try {
            assertTrue(Framework.within(PLUGIN_WAIT, () -> problemOf(plugins, SAMPLE_BSN).contains("not signed")),
                    "the Plugins list should say why the dropped plugin does not run: " + plugins.plugins());
            PluginInfo refused = plugins.plugins().stream().filter(p -> p.symbolicName().equals(SAMPLE_BSN)).findFirst().orElseThrow();
            assertEquals("INSTALLED", refused.state(), refused.toString());
            assertTrue(refused.problem().contains("Allow unsigned or untrusted plugins"), refused.problem());
            assertFalse(types.find(SAMPLE).isPresent(), "the refused plugin's target type must not be there");
            LogStore log = Framework.service(LogStore.class);
            assertTrue(Framework.within(PLUGIN_WAIT, () -> log.entries().stream().anyMatch(e -> e.severity() == LogEntry.Severity.ERROR
                    && e.message().contains(SAMPLE_BSN) && e.message().contains("was not started: it is not signed"))),
                    "the Error Log should say why the plugin was not started: " + log.entries());

            PluginTrustFixture.allowUntrusted(true);

            assertTrue(Framework.within(PLUGIN_WAIT, () -> types.find(SAMPLE).isPresent()),
                    "once allowed, the plugin should start; bundles: " + Framework.bundleStates());
            assertEquals("", plugins.plugins().stream().filter(p -> p.symbolicName().equals(SAMPLE_BSN)).findFirst()
                    .orElseThrow().problem());
        } finally {
            Files.deleteIfExists(dropped);
            assertTrue(Framework.within(PLUGIN_WAIT, () -> Framework.bundleStates().stream().noneMatch(b -> b.startsWith(SAMPLE_BSN + "="))),
                    "the sample bundle did not go");
        }
    }

    static final String SAMPLE_BSN = "io.backbench.sample.target";

    private static String problemOf(PluginManager plugins, String bsn) {
        return plugins.plugins().stream().filter(p -> p.symbolicName().equals(bsn)).map(PluginInfo::problem)
                .findFirst().orElse("");
    }

    /** Copies next to the folder, then renames: the watcher never sees a half-written jar. */
    private static Path drop(Path jar, Path plugins) throws IOException {
        Files.createDirectories(plugins);
        Path staging = Files.createTempDirectory(plugins.getParent(), "staging-");
        Path copy = Files.copy(jar, staging.resolve(jar.getFileName()));
        Path dropped = Files.move(copy, plugins.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(staging);
        return dropped;
    }

    private static boolean cliListsSample() {
        CommandLineClient.Result result = CommandLineClient.run("targets", "types", "--json");
        assertEquals(0, result.code(), "targets types --json failed: " + result);
        return result.out().contains("\"" + SAMPLE + "\"");
    }
}
