package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Invalid keys and prefixes are refused before anything happens (see {@code Keys}). */
interface KeyChecks extends TargetUnderTest {

    /** Keys that {@code Keys.check} rejects; {@code null} is among them. */
    private static List<String> invalidKeys() {
        return Arrays.asList(null, "", "/", "/abs", "trailing/", "a//b", ".", "..", "a/./b", "a/../b", "../up",
                ".tmp", ".tmp-123", "a/.tmpfile", "with space", "back\\slash", "colon:x", "umlaut-\u00fc",
                "star*", "new\nline");
    }

    @Test
    default void putRejectsInvalidKeysAndStoresNothing() throws Exception {
        for (String key : invalidKeys()) {
            assertThrows(IllegalArgumentException.class, () -> target().put(key, new byte[] {1}), "put(" + key + ")");
            assertThrows(IllegalArgumentException.class,
                    () -> target().put(key, new ByteArrayInputStream(new byte[] {1}), 1), "put(" + key + ", stream)");
        }
        assertEquals(Map.of(), Data.list(target(), ""));
    }

    @Test
    default void getStatAndDeleteRejectInvalidKeys() throws Exception {
        for (String key : invalidKeys()) {
            assertThrows(IllegalArgumentException.class, () -> target().get(key), "get(" + key + ")");
            assertThrows(IllegalArgumentException.class, () -> target().get(key, 0, 1), "get(" + key + ", 0, 1)");
            assertThrows(IllegalArgumentException.class, () -> target().stat(key), "stat(" + key + ")");
            assertThrows(IllegalArgumentException.class, () -> target().delete(key), "delete(" + key + ")");
        }
    }

    @Test
    default void listRejectsInvalidPrefixes() throws Exception {
        for (String prefix : Arrays.asList(null, "/", "a//", "../", ".tmp", "x/.tmp", "bad prefix")) {
            assertThrows(IllegalArgumentException.class, () -> target().list(prefix, info -> { }),
                    "list(" + prefix + ")");
        }
    }
}
