package io.backbench.sample.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/** What the sample adds to the contract: its settings and its file layout. */
class SampleTargetFactoryTest {
    @TempDir
    Path dir;

    private final SampleTargetFactory factory = new SampleTargetFactory();

    @Test
    void describesItselfAsTheSampleType() {
        assertEquals("sample", factory.type());
        assertEquals("Sample folder target", factory.displayName());
        assertEquals("folder", factory.settings().get(0).key());
        assertTrue(factory.settings().get(0).required());
    }

    @Test
    void aMissingFolderSettingIsNamed() {
        TargetException e = assertThrows(TargetException.class, () -> factory.open(TargetSettings.of(Map.of())));
        assertTrue(e.getMessage().contains("'folder'"), e.getMessage());
        assertFalse(e.isRetryable());
    }

    @Test
    void createsTheFolderUnlessToldNotTo() throws Exception {
        Path absent = dir.resolve("a/b");
        TargetException e = assertThrows(TargetException.class,
                () -> factory.open(TargetSettings.of(Map.of("folder", absent.toString(), "create", "false"))));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("create=true"), e.getMessage());
        assertFalse(Files.exists(absent));
        factory.open(TargetSettings.of("folder", absent.toString())).close();
        assertTrue(Files.isDirectory(absent));
    }

    @Test
    void refusesAFileAsTheFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        TargetException e = assertThrows(TargetException.class, () -> factory.open(TargetSettings.of("folder", file.toString())));
        assertTrue(e.getMessage().contains("is a file"), e.getMessage());
    }

    @Test
    void keepsEachObjectAsOneFileWithSlashesFlattened() throws Exception {
        try (StorageTarget t = factory.open(TargetSettings.of("folder", dir.toString()))) {
            t.put("data/3f/3f9a", new byte[] {7, 8});
            assertArrayEquals(new byte[] {7, 8}, Files.readAllBytes(dir.resolve("data+3f+3f9a")));
            assertEquals("sample:" + dir, t.describe());
        }
    }

    @Test
    void leftoverTemporaryFilesAreNeverListed() throws Exception {
        Files.writeString(dir.resolve(".tmp-crashed"), "half");
        try (StorageTarget t = factory.open(TargetSettings.of("folder", dir.toString()))) {
            t.put("config", new byte[] {1});
            java.util.List<String> keys = new java.util.ArrayList<>();
            t.list("", info -> keys.add(info.key()));
            assertEquals(java.util.List.of("config"), keys);
        }
    }
}
