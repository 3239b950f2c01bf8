package io.backbench.target.disk.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

class DiskTargetFactoryTest {
    private final DiskTargetFactory factory = new DiskTargetFactory();
    @TempDir
    Path dir;

    private TargetException openFails(Map<String, String> settings) {
        TargetException e = assertThrows(TargetException.class, () -> factory.open(TargetSettings.of(settings)));
        assertFalse(e.isRetryable(), "a settings error is not retryable: " + e.getMessage());
        return e;
    }

    @Test
    void isTheDiskTypeWithPathCreateAndFsyncSettings() {
        assertEquals("disk", factory.type());
        assertFalse(factory.displayName().isBlank());
        assertFalse(factory.description().isBlank());
        List<SettingDescriptor> s = factory.settings();
        assertEquals(List.of("path", "create", "fsync"), s.stream().map(SettingDescriptor::key).toList());
        assertEquals(SettingDescriptor.Type.PATH, s.get(0).type());
        assertTrue(s.get(0).required());
        assertEquals(SettingDescriptor.Type.BOOLEAN, s.get(1).type());
        assertEquals("true", s.get(1).defaultValue());
        assertEquals(SettingDescriptor.Type.BOOLEAN, s.get(2).type());
        assertEquals("true", s.get(2).defaultValue());
    }

    @Test
    void createsAMissingFolderAndItsParentsByDefault() throws Exception {
        Path nested = dir.resolve("a/b/repo");
        try (StorageTarget t = factory.open(TargetSettings.of("path", nested.toString()))) {
            assertTrue(Files.isDirectory(nested));
            assertEquals("disk:" + nested, t.describe());
        }
    }

    @Test
    void refusesAMissingFolderWhenCreateIsFalse() {
        Path missing = dir.resolve("missing");
        TargetException e = openFails(Map.of("path", missing.toString(), "create", "false"));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("create"), "says how to fix it: " + e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void refusesAFileWhereTheFolderIsExpected() throws Exception {
        Path file = Files.write(dir.resolve("a-file"), new byte[] {1});
        TargetException e = openFails(Map.of("path", file.toString()));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void refusesAFolderBelowAFile() throws Exception {
        Path file = Files.write(dir.resolve("a-file"), new byte[] {1});
        TargetException e = openFails(Map.of("path", file.resolve("repo").toString()));
        assertTrue(e.getMessage().contains(file.resolve("repo").toString()), e.getMessage());
    }

    @Test
    void refusesARelativePath() {
        TargetException e = openFails(Map.of("path", "relative/repo"));
        assertTrue(e.getMessage().contains("absolute") && e.getMessage().contains("relative/repo"), e.getMessage());
    }

    @Test
    void refusesAMissingPathNamingTheSetting() {
        TargetException e = openFails(Map.of());
        assertTrue(e.getMessage().contains("'path'"), e.getMessage());
    }

    @Test
    void refusesAMalformedBooleanNamingTheSetting() {
        TargetException e = openFails(Map.of("path", dir.toString(), "fsync", "perhaps"));
        assertTrue(e.getMessage().contains("'fsync'"), e.getMessage());
    }

    @Test
    void opensAnExistingFolderWithItsObjects() throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.write(dir.resolve("data/obj"), new byte[] {5, 6});
        try (StorageTarget t = factory.open(TargetSettings.of(Map.of("path", dir.toString(), "create", "false")))) {
            assertEquals(2L, t.stat("data/obj").orElseThrow().size());
        }
    }
}
