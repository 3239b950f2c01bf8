package io.backbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/** The built-in commands' output formats and argument checks, fed with fixed data. */
class CommandsTest {
    private final Output out = new Output();
    private final Output err = new Output();

    private int run(io.backbench.cli.api.Command c, boolean json, String... args) {
        return c.run(List.of(args), new Dispatcher.Context(out.stream, err.stream, json, c.name()));
    }

    // ---- version ----

    private final VersionCommand version = new VersionCommand(() -> new VersionInfo("0.1.0", "17.0.15", "Debian",
            "Linux 6.1 amd64", "Apache Software Foundation org.apache.felix.framework", "7.0.5", "/home/u/.local/share/backbench"));

    @Test
    void versionPrintsAlignedLines() {
        assertEquals(0, run(version, false));
        assertEquals("""
                Backbench  0.1.0
                Java       17.0.15 (Debian)
                OS         Linux 6.1 amd64
                Framework  Apache Software Foundation org.apache.felix.framework 7.0.5
                Home       /home/u/.local/share/backbench
                """, out.text());
    }

    @Test
    void versionAsJson() {
        assertEquals(0, run(version, true));
        assertEquals("""
                {
                  "version": "0.1.0",
                  "java": "17.0.15",
                  "javaVendor": "Debian",
                  "os": "Linux 6.1 amd64",
                  "framework": "Apache Software Foundation org.apache.felix.framework",
                  "frameworkVersion": "7.0.5",
                  "home": "/home/u/.local/share/backbench"
                }
                """, out.text());
    }

    @Test
    void versionRefusesArguments() {
        assertEquals(2, run(version, false, "extra"));
        assertTrue(err.text().contains("takes no arguments"), err.text());
    }

    // ---- plugins ----

    private final FixedPlugins plugins = new FixedPlugins();
    private final PluginsCommand pluginsCommand = new PluginsCommand(plugins);

    @Test
    void pluginsListShowsAlignedColumnsAndTheFolder() {
        assertEquals(0, run(pluginsCommand, false, "list"));
        assertEquals("""
                ID  SYMBOLIC NAME               VERSION  STATE   FEATURE  CONTRIBUTES
                10  io.backbench.core           0.1.0    ACTIVE  core     TargetTypes; PluginManager
                14  io.backbench.sample.target  1.0.0    ACTIVE  plugin   target type: sample

                Plugins folder: /home/u/plugins
                """, out.text());
    }

    @Test
    void pluginsListAsJsonHasEveryField() {
        assertEquals(0, run(pluginsCommand, true, "list"));
        String text = out.text();
        assertTrue(text.startsWith("[\n  {\n    \"id\": 10,\n    \"symbolicName\": \"io.backbench.core\","), text);
        for (String field : List.of("\"name\": \"Backbench core\"", "\"vendor\": \"Backbench\"", "\"description\": \"\"",
                "\"state\": \"ACTIVE\"", "\"feature\": \"plugin\"", "\"removable\": true", "\"target type: sample\"")) {
            assertTrue(text.contains(field), field + " in " + text);
        }
    }

    @Test
    void pluginsInstallReportsWhatWasInstalled() {
        assertEquals(0, run(pluginsCommand, false, "install", "sample.jar"));
        assertEquals(Path.of("sample.jar").toAbsolutePath(), plugins.installed.get(0));
        assertEquals("installed io.backbench.sample.target 1.0.0 (ACTIVE): target type: sample\n", out.text());
    }

    @Test
    void aRefusedInstallIsAFailureWithTheManagersMessage() {
        plugins.refusal = "cannot install com.acme.foo 1.0.0: missing package com.acme.missing (version [1,2))";
        assertEquals(1, run(pluginsCommand, false, "install", "foo.jar"));
        assertEquals("backbench: " + plugins.refusal + "\n", err.text());
        assertEquals("", out.text());
    }

    @Test
    void pluginsUpdateAndUninstallNameThePlugin() {
        assertEquals(0, run(pluginsCommand, false, "update", "io.backbench.sample.target", "new.jar"));
        assertEquals(0, run(pluginsCommand, false, "uninstall", "io.backbench.sample.target"));
        assertEquals("updated io.backbench.sample.target to 1.0.0 (ACTIVE): target type: sample\n"
                + "uninstalled io.backbench.sample.target\n", out.text());
        assertEquals(List.of("io.backbench.sample.target"), plugins.uninstalled);
    }

    @Test
    void pluginsArgumentMistakesAreUsageErrors() {
        assertEquals(2, run(pluginsCommand, false));
        assertEquals(2, run(pluginsCommand, false, "install"));
        assertEquals(2, run(pluginsCommand, false, "update", "only-one"));
        assertEquals(2, run(pluginsCommand, false, "uninstall"));
        assertEquals(2, run(pluginsCommand, false, "remove", "x"));
        assertEquals(2, run(pluginsCommand, true, "install", "x.jar"));
        assertTrue(err.text().contains("unknown sub-command 'plugins remove'"), err.text());
        assertTrue(plugins.installed.isEmpty());
    }

    @Test
    void pluginsInstallFromARepositorySplitsNameAndVersion() {
        assertEquals(0, run(pluginsCommand, false, "install", "--repo", "http://127.0.0.1:8080/repo", "io.backbench.sample.target@1.0.0"));
        assertEquals(0, run(pluginsCommand, false, "install", "--repo", "/srv/repo", "Sample"));

        assertEquals(List.of("http://127.0.0.1:8080/repo io.backbench.sample.target 1.0.0", "/srv/repo Sample null"),
                plugins.fromRepository);
        assertTrue(out.text().startsWith("installed io.backbench.sample.target 1.0.0 (ACTIVE): target type: sample"), out.text());
    }

    @Test
    void pluginsAvailableShowsStateAndWhatEachProvides() {
        assertEquals(0, run(pluginsCommand, false, "available", "--repo", "/srv/repo"));

        assertTrue(out.text().startsWith("Repository: /srv/repo\n"), out.text());
        assertTrue(out.text().contains("update available (0.9.0 installed)"), out.text());
        assertTrue(out.text().contains("target type, target settings page"), out.text());
        assertEquals(2, run(pluginsCommand, false, "available", "/srv/repo"));
    }

    @Test
    void pluginsAvailableWithoutARepositoryUsesTheConfiguredOnesOrSaysHowToGiveOne() {
        plugins.repositories = List.of();
        assertEquals(1, run(pluginsCommand, false, "available"));
        assertTrue(err.text().contains("--repo"), err.text());
    }

    // ---- targets ----

    @Test
    void targetTypesShowsEachTypeWithItsProviderAndAlignedSettings() {
        TargetsCommand targets = new TargetsCommand(new FixedTypes(List.of(new DemoFactory())), null, f -> "com.acme.demo 1.0.0");
        assertEquals(0, run(targets, false, "types"));
        assertEquals("""
                demo - Demo target  (provided by com.acme.demo 1.0.0)
                  Objects in a demo place.
                  Settings:
                     folder  path              required      Where objects go
                     mode    choice fast|safe  default safe  How to write
                """, out.text());
    }

    @Test
    void targetTypesAsJsonListsSettings() {
        TargetsCommand targets = new TargetsCommand(new FixedTypes(List.of(new DemoFactory())), null, f -> "com.acme.demo 1.0.0");
        assertEquals(0, run(targets, true, "types"));
        String text = out.text();
        for (String field : List.of("\"type\": \"demo\"", "\"name\": \"Demo target\"", "\"providedBy\": \"com.acme.demo 1.0.0\"",
                "\"key\": \"folder\"", "\"type\": \"PATH\"", "\"required\": true", "\"default\": null", "\"default\": \"safe\"",
                "\"choices\": [\n          \"fast\",\n          \"safe\"\n        ]")) {
            assertTrue(text.contains(field), field + " in " + text);
        }
    }

    @Test
    void noTargetTypesSaysHowToGetOne() {
        assertEquals(0, run(new TargetsCommand(new FixedTypes(List.of()), null, f -> ""), false, "types"));
        assertTrue(out.text().contains("No storage target types are installed") && out.text().contains("plugins install"));
        assertEquals(0, run(new TargetsCommand(new FixedTypes(List.of()), null, f -> ""), true, "types"));
        assertTrue(out.text().endsWith("[]\n"), out.text());
    }

    @Test
    void targetsNeedsTheTypesSubCommand() {
        TargetsCommand targets = new TargetsCommand(new FixedTypes(List.of()), null, f -> "");
        assertEquals(2, run(targets, false));
        assertEquals(2, run(targets, false, "teleport"));
        assertEquals(2, run(targets, false, "types", "extra"));
    }

    // ---- fixed data behind the service interfaces ----

    private static final class FixedPlugins implements PluginManager {
        final List<Path> installed = new ArrayList<>();
        final List<String> uninstalled = new ArrayList<>();
        String refusal;

        private final PluginInfo sample = new PluginInfo(14, "io.backbench.sample.target", "Sample", "1.0.0", "Backbench", "",
                "ACTIVE", "plugin", true, List.of("target type: sample"));

        @Override
        public List<PluginInfo> plugins() {
            return List.of(new PluginInfo(10, "io.backbench.core", "Backbench core", "0.1.0", "Backbench", "", "ACTIVE",
                    "core", false, List.of("TargetTypes", "PluginManager")), sample);
        }

        @Override
        public Path pluginFolder() {
            return Path.of("/home/u/plugins");
        }

        @Override
        public PluginInfo install(Path jar) throws PluginException {
            if (refusal != null) {
                throw new PluginException(refusal);
            }
            installed.add(jar);
            return sample;
        }

        @Override
        public PluginInfo update(String symbolicName, Path jar) {
            return sample;
        }

        @Override
        public void uninstall(String symbolicName) {
            uninstalled.add(symbolicName);
        }

        @Override
        public boolean awaitPluginFolder(java.time.Duration timeout) {
            return true;
        }

        final List<String> fromRepository = new ArrayList<>();
        List<String> repositories = List.of("/srv/repo");

        @Override
        public List<String> repositories() {
            return repositories;
        }

        @Override
        public List<io.backbench.core.api.AvailablePlugin> available(String repository) {
            return List.of(new io.backbench.core.api.AvailablePlugin("io.backbench.sample.target", "Sample", "1.0.0",
                    "Backbench", "", List.of("target type", "target settings page"),
                    io.backbench.core.api.AvailablePlugin.UPDATE_AVAILABLE, "0.9.0"));
        }

        @Override
        public PluginInfo installFromRepository(String repository, String name, String version) {
            fromRepository.add(repository + " " + name + " " + version);
            return sample;
        }

        @Override
        public boolean allowsUntrusted() {
            return false;
        }

        @Override
        public List<io.backbench.core.api.TrustedPublisher> trustedPublishers() {
            return List.of();
        }

        @Override
        public List<io.backbench.core.api.TrustedPublisher> trust(Path certificate) {
            return List.of();
        }

        @Override
        public void distrust(String alias) {
        }
    }

    private record FixedTypes(List<TargetFactory> all) implements TargetTypes {
        @Override
        public Optional<TargetFactory> find(String type) {
            return all.stream().filter(f -> f.type().equals(type)).findFirst();
        }

        @Override
        public void addListener(Runnable listener) {
        }

        @Override
        public void removeListener(Runnable listener) {
        }
    }

    private static final class DemoFactory implements TargetFactory {
        @Override
        public String type() {
            return "demo";
        }

        @Override
        public String displayName() {
            return "Demo target";
        }

        @Override
        public String description() {
            return "Objects in a demo place.";
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of(SettingDescriptor.required("folder", "Folder", Type.PATH, "Where objects go"),
                    new SettingDescriptor("mode", "Mode", "How to write", Type.CHOICE, false, "safe", List.of("fast", "safe")));
        }

        @Override
        public StorageTarget open(TargetSettings settings) throws TargetException {
            throw TargetException.permanentFailure("the demo factory only describes itself", null);
        }
    }
}
