package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.backbench.core.api.AvailablePlugin;
import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginInfo;
import io.backbench.core.api.PluginManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing from a plugin repository (a folder of signed jars, indexed on the fly, and the
 * product's own repository with its index.xml) on the real framework: dependencies come along,
 * and any refusal leaves bundles and plugins folder exactly as before.
 */
class RepositoryInstallIT {
    static final String APP = "io.backbench.itests.repo.app";
    static final String LIB = "io.backbench.itests.repo.lib";

    @TempDir
    Path temp;

    private String alias;

    @AfterEach
    void cleanUp() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        for (String bsn : List.of(APP, LIB)) {
            if (plugins.plugins().stream().anyMatch(p -> p.symbolicName().equals(bsn) && p.removable())) {
                plugins.uninstall(bsn);
            }
        }
        if (alias != null) {
            plugins.distrust(alias);
        }
        PluginTrustFixture.allowUntrusted(false);
    }

    /** A repository folder with a library and an app that imports the library's package, signed and trusted. */
    private Path signedRepository(Map<String, String> appHeaders, Map<String, String> libHeaders) throws Exception {
        Path repo = Files.createDirectories(temp.resolve("repo"));
        Path pem = PluginTrustFixture.newSigner(temp, "repo-publisher");
        PluginTrustFixture.sign(PluginTrustFixture.bundle(repo.resolve("lib.jar"), LIB, "1.0.0", libHeaders), temp, "repo-publisher");
        PluginTrustFixture.sign(PluginTrustFixture.bundle(repo.resolve("app.jar"), APP, "1.0.0", appHeaders), temp, "repo-publisher");
        alias = Framework.service(PluginManager.class).trust(pem).get(0).alias();
        return repo;
    }

    @Test
    void installingAPluginBringsTheRepositoryBundleItNeedsAndBothStart() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        Path repo = signedRepository(Map.of("Bundle-Name", "Repo App", "Import-Package", "com.example.repolib;version=\"[1,2)\""),
                Map.of("Export-Package", "com.example.repolib;version=1.0.0"));
        List<AvailablePlugin> offered = plugins.available(repo.toString());
        assertEquals(List.of(LIB, "Repo App"), offered.stream().map(AvailablePlugin::name).toList());
        assertTrue(offered.stream().allMatch(p -> p.state().equals(AvailablePlugin.AVAILABLE)), offered.toString());

        PluginInfo app = plugins.installFromRepository(repo.toUri().toString(), "Repo App", null);

        assertEquals("ACTIVE", app.state(), app.toString());
        assertEquals("ACTIVE", state(LIB), "the library came along");
        assertTrue(Files.exists(plugins.pluginFolder().resolve(LIB + ".jar")), "it is a plugin too (persists)");
        assertTrue(plugins.available(repo.toString()).stream().allMatch(p -> p.state().equals(AvailablePlugin.INSTALLED)));
    }

    @Test
    void aNewerVersionInTheRepositoryIsOfferedAsAnUpdateAndInstallingItUpdatesThePlugin() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        Path repo = signedRepository(Map.of("Bundle-Name", "Repo App", "Import-Package", "com.example.repolib"),
                Map.of("Export-Package", "com.example.repolib"));
        plugins.installFromRepository(repo.toString(), APP, "1.0.0");
        Path newer = repo.resolve("app-2.jar");
        PluginTrustFixture.sign(PluginTrustFixture.bundle(newer, APP, "2.0.0", Map.of("Bundle-Name", "Repo App",
                "Import-Package", "com.example.repolib")), temp, "repo-publisher");
        AvailablePlugin offered = plugins.available(repo.toString()).stream()
                .filter(p -> p.symbolicName().equals(APP) && p.version().equals("2.0.0")).findFirst().orElseThrow();
        assertEquals(AvailablePlugin.UPDATE_AVAILABLE, offered.state());
        assertEquals("1.0.0", offered.installedVersion());

        PluginInfo updated = plugins.installFromRepository(repo.toString(), "Repo App", null);

        assertEquals("2.0.0", updated.version(), updated.toString());
        assertEquals("ACTIVE", updated.state());
        assertEquals(1L, plugins.plugins().stream().filter(p -> p.symbolicName().equals(APP)).count(), "one version only");
    }

    @Test
    void aRequirementThatNothingMeetsIsNamedAndNothingIsInstalled() throws Exception {
        Path repo = signedRepository(Map.of("Import-Package", "com.example.repolib"),
                Map.of("Export-Package", "com.example.repolib", "Import-Package", "com.example.nowhere;version=\"[3,4)\""));

        PluginException e = refused(() -> Framework.service(PluginManager.class).installFromRepository(repo.toString(), APP, "1.0.0"));

        assertTrue(e.getMessage().contains("package com.example.nowhere (version [3,4)) (needed by " + LIB + " 1.0.0)"),
                e.getMessage());
    }

    @Test
    void aBundleThatFailsToStartTakesTheWholeInstallBackOut() throws Exception {
        Path repo = signedRepository(Map.of("Import-Package", "com.example.repolib", "Bundle-Activator", "com.example.NoSuchActivator"),
                Map.of("Export-Package", "com.example.repolib"));

        PluginException e = refused(() -> Framework.service(PluginManager.class).installFromRepository(repo.toString(), APP, null));

        assertTrue(e.getMessage().contains("did not start"), e.getMessage());
        assertTrue(e.getMessage().contains("taken out of the plugins folder again"), e.getMessage());
    }

    /** A folder holding only the (unsigned) sample target plugin: a repository without an index. */
    private Path sampleRepository() throws IOException {
        Path sample = Path.of(Framework.property("backbench.itests.samplePlugin"));
        Path repo = Files.createDirectories(temp.resolve("samples"));
        Files.copy(sample, repo.resolve(sample.getFileName()));
        return repo;
    }

    @Test
    void anUnsignedPluginFromARepositoryIsRefusedWhileThePreferenceForbidsIt() throws Exception {
        Path repo = sampleRepository();

        PluginException e = refused(() -> Framework.service(PluginManager.class)
                .installFromRepository(repo.toString(), "io.backbench.sample.target", null));

        assertTrue(e.getMessage().contains("it is not signed"), e.getMessage());
    }

    @Test
    void theConfiguredRepositoryIsOfferedAndItsUnsignedPluginsInstallOnceAllowed() throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        String repo = sampleRepository().toString();
        PluginTrustFixture.preferences(true, repo);
        assertTrue(plugins.available(repo).stream().anyMatch(p -> p.symbolicName().equals("io.backbench.sample.target")
                && p.provides().contains("target type")), plugins.available(repo).toString());

        PluginInfo sample = plugins.installFromRepository(plugins.repositories().get(0), "io.backbench.sample.target", null);

        assertTrue(sample.contributions().contains("target type: sample"), sample.toString());
        plugins.uninstall("io.backbench.sample.target");
    }

    private interface Install {
        void run() throws PluginException;
    }

    /** Expects a refusal, and the same bundles and plugins folder before, right after and a while after. */
    private static PluginException refused(Install install) throws Exception {
        PluginManager plugins = Framework.service(PluginManager.class);
        Map<Long, String> bundlesBefore = Framework.bundleSnapshot();
        List<String> folderBefore = listing(plugins.pluginFolder());

        PluginException e = assertThrows(PluginException.class, install::run);

        assertEquals(bundlesBefore, Framework.bundleSnapshot(), "the installed bundles changed: " + e.getMessage());
        assertEquals(folderBefore, listing(plugins.pluginFolder()), "the plugins folder changed");
        Thread.sleep(2500); // FileInstall polls every second: nothing may arrive late either
        assertEquals(bundlesBefore, Framework.bundleSnapshot(), "the installed bundles changed afterwards");
        assertEquals(folderBefore, listing(plugins.pluginFolder()), "the plugins folder changed afterwards");
        return e;
    }

    private static String state(String bsn) {
        return Framework.bundleStates().stream().filter(s -> s.startsWith(bsn + "=")).map(s -> s.substring(bsn.length() + 1))
                .findFirst().orElse("not installed");
    }

    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
