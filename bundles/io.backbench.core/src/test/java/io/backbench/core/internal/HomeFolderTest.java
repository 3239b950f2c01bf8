package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeFolderTest {
    @TempDir
    Path tmp;

    @Test
    void frameworkPropertyWinsOverTheEnvironment() {
        Path home = HomeFolder.resolve(k -> k.equals("backbench.home") ? "/srv/bb" : null,
                Map.of("BACKBENCH_HOME", "/other", "XDG_DATA_HOME", "/xdg"), "/home/u");
        assertEquals(Path.of("/srv/bb"), home);
    }

    @Test
    void backbenchHomeWinsOverXdg() {
        assertEquals(Path.of("/bb"), HomeFolder.resolve(k -> null, Map.of("BACKBENCH_HOME", "/bb", "XDG_DATA_HOME", "/xdg"), "/home/u"));
    }

    @Test
    void xdgDataHomeGetsABackbenchSubfolder() {
        assertEquals(Path.of("/xdg/backbench"), HomeFolder.resolve(k -> null, Map.of("XDG_DATA_HOME", "/xdg"), "/home/u"));
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecSays() {
        assertEquals(Path.of("/home/u/.local/share/backbench"),
                HomeFolder.resolve(k -> null, Map.of("XDG_DATA_HOME", "relative/dir"), "/home/u"));
    }

    @Test
    void defaultsToLocalShareUnderTheUsersHome() {
        assertEquals(Path.of("/home/u/.local/share/backbench"), HomeFolder.resolve(k -> " ", Map.of("BACKBENCH_HOME", ""), "/home/u"));
    }

    @Test
    void dataFoldersCreatesEverySubfolder() {
        DataFoldersComponent folders = new DataFoldersComponent(tmp.resolve("home"), null);
        for (Path p : new Path[] {folders.home(), folders.config(), folders.catalog(), folders.cache(), folders.plugins()}) {
            assertTrue(Files.isDirectory(p), p + " exists");
        }
        assertEquals(tmp.resolve("home/plugins"), folders.plugins());
    }

    @Test
    void pluginsFolderIsTheFileInstallFolderWhenSet() {
        Path watched = tmp.resolve("watched");
        DataFoldersComponent folders = new DataFoldersComponent(tmp.resolve("home"), watched.toString());
        assertEquals(watched, folders.plugins());
        assertTrue(Files.isDirectory(watched));
    }
}
