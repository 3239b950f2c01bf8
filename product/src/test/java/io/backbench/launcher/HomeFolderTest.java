package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeFolderTest {

    @TempDir
    Path temp;

    @Test
    void homeOptionWinsOverTheEnvironment() {
        HomeFolder home = HomeFolder.resolve(Optional.of(temp.resolve("opt")),
                Map.of("BACKBENCH_HOME", "/env", "XDG_DATA_HOME", "/xdg"), "/home/u");

        assertEquals(temp.resolve("opt"), home.home());
    }

    @Test
    void backbenchHomeWinsOverXdg() {
        HomeFolder home = HomeFolder.resolve(Optional.empty(),
                Map.of("BACKBENCH_HOME", "/env", "XDG_DATA_HOME", "/xdg"), "/home/u");

        assertEquals(Path.of("/env"), home.home());
    }

    @Test
    void xdgDataHomeIsUsedWhenSet() {
        HomeFolder home = HomeFolder.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), "/home/u");

        assertEquals(Path.of("/xdg/backbench"), home.home());
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheXdgSpecificationSays() {
        HomeFolder home = HomeFolder.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "data"), "/home/u");

        assertEquals(Path.of("/home/u/.local/share/backbench"), home.home());
    }

    @Test
    void defaultIsUnderLocalShare() {
        HomeFolder home = HomeFolder.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", " "), "/home/u");

        assertEquals(Path.of("/home/u/.local/share/backbench"), home.home());
    }

    @Test
    void createMakesEverySubFolder() throws Exception {
        HomeFolder home = HomeFolder.resolve(Optional.of(temp.resolve("h")), Map.of(), "/home/u").create();

        for (String sub : new String[] {"config", "config/cm", "catalog", "cache", "plugins"}) {
            assertTrue(Files.isDirectory(home.home().resolve(sub)), sub);
        }
        assertEquals(home.home().resolve("plugins"), home.plugins());
    }
}
