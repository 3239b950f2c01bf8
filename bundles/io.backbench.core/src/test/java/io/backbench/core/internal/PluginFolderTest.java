package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginFolderTest {
    @TempDir
    Path home;

    @Test
    void locationIsTheFormFileInstallUses() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        Path jar = plugins.resolve("a.jar");
        // FileInstall: new File(canonicalDir, name).toURI().normalize().toString()
        String fileInstall = new File(plugins.toFile().getCanonicalFile(), "a.jar").toURI().normalize().toString();
        assertEquals(fileInstall, folder.locationOf(jar));
        assertTrue(folder.locationOf(jar).startsWith("file:/") && !folder.locationOf(jar).startsWith("file:///"));
    }

    @Test
    void aLinkedFolderIsMatchedThroughItsRealPath() throws Exception {
        Path real = Files.createDirectories(home.resolve("real-plugins"));
        Path link = Files.createSymbolicLink(home.resolve("plugins"), real);
        PluginFolder folder = new PluginFolder(link);
        String location = folder.locationOf(link.resolve("a.jar"));
        assertTrue(location.contains("real-plugins"), location);
        assertTrue(folder.contains(location));
        assertTrue(folder.contains(link.resolve("b.jar").toUri().toString()));
    }

    @Test
    void fileOfReadsBothUriFormsAndPlainPaths() {
        assertEquals(Optional.of(Path.of("/p/a.jar")), PluginFolder.fileOf("file:/p/a.jar"));
        assertEquals(Optional.of(Path.of("/p/a.jar")), PluginFolder.fileOf("file:///p/a.jar"));
        assertEquals(Optional.of(Path.of("/p/a b.jar")), PluginFolder.fileOf("file:/p/a%20b.jar"));
        assertEquals(Optional.of(Path.of("/p/a.jar")), PluginFolder.fileOf("/p/./a.jar"));
        assertEquals(Optional.of(Path.of("/p/a b.jar")), PluginFolder.fileOf("reference:file:/p/a%20b.jar"));
        assertEquals(Optional.of(Path.of("/p/a.jar")), PluginFolder.fileOf("REFERENCE:file:///p/a.jar"));
        assertEquals(Optional.empty(), PluginFolder.fileOf("reference:http://host/a.jar"));
        assertEquals(Optional.empty(), PluginFolder.fileOf("System Bundle"));
        assertEquals(Optional.empty(), PluginFolder.fileOf("backbench-probe:com.acme:1234"));
        assertEquals(Optional.empty(), PluginFolder.fileOf("mvn:com.acme/foo/1.0"));
    }

    @Test
    void containsOnlyFilesDirectlyInTheFolder() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        assertTrue(folder.contains(plugins.resolve("x.jar").toUri().toString()));
        assertFalse(folder.contains(plugins.resolve("sub/x.jar").toUri().toString()));
        assertFalse(folder.contains(home.resolve("product/bundle/core/x.jar").toUri().toString()));
        assertFalse(folder.contains("System Bundle"));
    }

    @Test
    void placesACopyAtomicallyWithoutLeavingTemporaryFilesInTheFolder() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        Path source = Files.write(home.resolve("source.jar"), new byte[] {1, 2, 3});
        Path target = folder.fileFor("com.acme.foo");
        folder.placeAtomically(source, target);
        Files.write(source, new byte[] {4, 5});
        folder.placeAtomically(source, target);
        assertEquals(List.of(target), folder.jars());
        try (var files = Files.list(plugins)) {
            assertEquals(List.of(target), files.toList());
        }
        assertEquals(List.of((byte) 4, (byte) 5), List.of(Files.readAllBytes(target)[0], Files.readAllBytes(target)[1]));
        assertEquals(2, Files.size(target));
    }

    @Test
    void placingLeavesNoStagingFolderInTheDataFolder() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path source = Files.write(Files.createDirectories(home.resolve("downloads")).resolve("a.jar"), new byte[] {1});
        new PluginFolder(plugins).placeAtomically(source, plugins.resolve("a.jar"));
        try (var files = Files.list(home)) {
            assertEquals(List.of("downloads", "plugins"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aKeptCopyIsDiscardedWithItsStagingFolder() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        Path jar = Files.write(plugins.resolve("a.jar"), new byte[] {7, 8});
        Path copy = folder.keepCopy(jar);
        assertFalse(copy.startsWith(plugins), "a copy inside the watched folder would be installed: " + copy);
        assertEquals(List.of((byte) 7, (byte) 8), List.of(Files.readAllBytes(copy)[0], Files.readAllBytes(copy)[1]));
        folder.discard(copy);
        assertFalse(Files.exists(folder.staging()), folder.staging() + " was left behind");
    }

    @Test
    void theStagingFolderStaysWhileAnotherChangeIsUsingIt() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        PluginFolder folder = new PluginFolder(plugins);
        Path other = folder.keepCopy(Files.write(plugins.resolve("b.jar"), new byte[] {1}));
        folder.placeAtomically(Files.write(home.resolve("a.jar"), new byte[] {2}), plugins.resolve("a.jar"));
        assertTrue(Files.exists(other), "another change's file was removed");
        folder.discard(other);
        assertFalse(Files.exists(folder.staging()));
    }

    @Test
    void fileNamesAreTheSymbolicNameMadeSafe() {
        PluginFolder folder = new PluginFolder(home);
        assertEquals("com.acme.foo.jar", folder.fileFor("com.acme.foo").getFileName().toString());
        assertEquals("a_b_c.jar", folder.fileFor("a/b c").getFileName().toString());
    }

    @Test
    void listsOnlyJarFilesSortedByName() throws Exception {
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Files.createFile(plugins.resolve("b.jar"));
        Files.createFile(plugins.resolve("a.jar"));
        Files.createFile(plugins.resolve("notes.txt"));
        Files.createDirectories(plugins.resolve("dir.jar"));
        assertEquals(List.of(plugins.resolve("a.jar"), plugins.resolve("b.jar")), new PluginFolder(plugins).jars());
    }
}
