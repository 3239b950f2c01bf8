package io.backbench.target.memory.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;

class MemoryTargetFactoryTest {
    private final MemoryTargetFactory factory = new MemoryTargetFactory();

    @Test
    void isTheMemoryTypeWithOneOptionalNameSetting() {
        assertEquals("memory", factory.type());
        assertFalse(factory.displayName().isBlank());
        assertFalse(factory.description().isBlank());
        SettingDescriptor name = factory.settings().get(0);
        assertEquals(1, factory.settings().size());
        assertEquals("name", name.key());
        assertFalse(name.required());
        assertEquals("default", name.defaultValue());
    }

    @Test
    void sameNameOpensTheSameStore() throws Exception {
        try (StorageTarget a = factory.open(TargetSettings.of("name", "scratch"));
             StorageTarget b = factory.open(TargetSettings.of("name", "scratch"))) {
            a.put("hello", new byte[] {4, 2});
            assertArrayEquals(new byte[] {4, 2}, b.get("hello").readAllBytes());
        }
        try (StorageTarget again = factory.open(TargetSettings.of("name", "scratch"))) {
            assertTrue(again.stat("hello").isPresent(), "the store outlives the handles that were closed");
        }
    }

    @Test
    void differentNamesOpenDifferentStores() throws Exception {
        try (StorageTarget a = factory.open(TargetSettings.of("name", "one"));
             StorageTarget b = factory.open(TargetSettings.of("name", "two"))) {
            a.put("only-in-one", new byte[] {1});
            assertTrue(b.stat("only-in-one").isEmpty());
            assertEquals("memory:one", a.describe());
        }
    }

    @Test
    void missingNameOpensTheDefaultStore() throws Exception {
        try (StorageTarget a = factory.open(TargetSettings.of(Map.of()));
             StorageTarget b = factory.open(TargetSettings.of("name", "default"))) {
            a.put("x", new byte[] {9});
            assertTrue(b.stat("x").isPresent());
        }
    }

    @Test
    void deactivationForgetsEveryStore() throws Exception {
        try (StorageTarget a = factory.open(TargetSettings.of("name", "gone"))) {
            a.put("x", new byte[] {9});
        }
        factory.deactivate();
        try (StorageTarget b = factory.open(TargetSettings.of("name", "gone"))) {
            assertTrue(b.stat("x").isEmpty());
        }
    }
}
