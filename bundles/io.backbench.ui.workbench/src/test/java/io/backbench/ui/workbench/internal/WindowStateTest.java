package io.backbench.ui.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowStateTest {

    @TempDir
    Path dir;

    @Test
    void keepsBoundsPerspectiveAndWeightsAcrossSaveAndLoad() throws Exception {
        Path file = dir.resolve("config").resolve(WindowState.FILE_NAME);
        WindowState state = WindowState.empty();
        state.setBounds(10, 20, 1200, 800);
        state.setMaximized(true);
        state.setPerspective("targets");
        state.setWeights("monitor", "horizontal", new int[] {20, 60, 20});
        state.save(file);

        WindowState loaded = WindowState.load(file);
        assertArrayEquals(new int[] {10, 20, 1200, 800}, loaded.bounds().orElseThrow());
        assertTrue(loaded.maximized());
        assertEquals("targets", loaded.perspective().orElseThrow());
        assertArrayEquals(new int[] {20, 60, 20}, loaded.weights("monitor", "horizontal", 3).orElseThrow());
        assertFalse(Files.exists(file.resolveSibling(WindowState.FILE_NAME + ".tmp")));
    }

    @Test
    void missingFileGivesDefaults() {
        WindowState state = WindowState.load(dir.resolve("nothing.properties"));
        assertTrue(state.bounds().isEmpty());
        assertTrue(state.perspective().isEmpty());
        assertFalse(state.maximized());
    }

    @Test
    void damagedValuesAreIgnoredNotThrown() throws Exception {
        Path file = dir.resolve(WindowState.FILE_NAME);
        Files.writeString(file, "window.bounds=1,2,x,4\nperspective.monitor.weights.vertical=5,-1\n"
                + "perspective.targets.weights.vertical=1,2,3\nwindow.maximized=maybe\n");
        WindowState state = WindowState.load(file);
        assertTrue(state.bounds().isEmpty());
        assertTrue(state.weights("monitor", "vertical", 2).isEmpty());
        assertTrue(state.weights("targets", "vertical", 2).isEmpty(), "wrong count of weights");
        assertFalse(state.maximized());
    }

    @Test
    void windowWithoutSizeIsNotRestored() throws Exception {
        WindowState state = WindowState.empty();
        state.setBounds(0, 0, 0, 600);
        assertTrue(state.bounds().isEmpty());
    }
}
