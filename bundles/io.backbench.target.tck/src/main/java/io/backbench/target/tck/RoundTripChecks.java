package io.backbench.target.tck;

import static io.backbench.target.tck.Data.MIB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;

/** Put, get and stat of whole objects. */
interface RoundTripChecks extends TargetUnderTest {

    @Test
    default void freshTargetIsEmpty() throws Exception {
        assertEquals(Map.of(), Data.list(target(), ""), "a new target must list nothing");
    }

    @Test
    default void describesItselfAndKeepsItsCapabilities() {
        String description = target().describe();
        assertNotNull(description, "describe() returned null");
        assertFalse(description.isBlank(), "describe() must say where the data lives");
        assertNotNull(target().capabilities(), "capabilities() returned null");
        assertEquals(target().capabilities(), target().capabilities(), "capabilities() must be constant");
    }

    @Test
    default void storesAndReturnsAnEmptyObject() throws Exception {
        target().put("empty", new byte[0]);
        assertArrayEquals(new byte[0], Data.get(target(), "empty"));
        assertEquals(0L, target().stat("empty").orElseThrow().size());
        assertEquals(Map.of("empty", 0L), Data.list(target(), ""));
    }

    @Test
    default void storesAndReturnsOneByte() throws Exception {
        target().put("one", new byte[] {42});
        assertArrayEquals(new byte[] {42}, Data.get(target(), "one"));
        assertEquals(1L, target().stat("one").orElseThrow().size());
    }

    @Test
    default void storesEveryByteValueUnchanged() throws Exception {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        target().put("binary/all-values", all);
        target().put("binary/random", Data.bytes(7, 70_001));
        assertArrayEquals(all, Data.get(target(), "binary/all-values"));
        assertArrayEquals(Data.bytes(7, 70_001), Data.get(target(), "binary/random"));
    }

    @Test
    default void streamsSeveralMebibytesInAndOut() throws Exception {
        long length = 5L * MIB + 17;
        target().put("big/object", Data.generated(99, length), length);
        assertEquals(length, target().stat("big/object").orElseThrow().size());
        assertEquals(Data.sha256(Data.generated(99, length)), Data.sha256(target().get("big/object")),
                "a 5 MiB object must come back byte for byte");
    }

    @Test
    default void returnsAStreamThatCanBeReadByteByByte() throws Exception {
        byte[] data = Data.bytes(3, 1000);
        target().put("bytewise", data);
        try (InputStream in = target().get("bytewise")) {
            for (int i = 0; i < data.length; i++) {
                assertEquals(data[i] & 0xff, in.read(), "byte " + i);
            }
            assertEquals(-1, in.read(), "the stream must end after the object");
        }
    }

    @Test
    default void readsExactlyLengthBytesFromALongerStream() throws Exception {
        byte[] source = Data.bytes(4, 10_000);
        target().put("prefix-of-stream", new ByteArrayInputStream(source), 6_000);
        byte[] expected = java.util.Arrays.copyOf(source, 6_000);
        assertArrayEquals(expected, Data.get(target(), "prefix-of-stream"),
                "put must store exactly 'length' bytes even when the stream has more");
    }

    @Test
    default void leavesClosingTheSourceStreamToTheCaller() throws Exception {
        Streams.CloseTracking in = new Streams.CloseTracking(Data.bytes(5, 100));
        target().put("not-closed", in, 100);
        assertFalse(in.closed.get(), "put must not close the caller's stream");
    }

    @Test
    default void puttingIdenticalContentAgainIsHarmless() throws Exception {
        byte[] data = Data.bytes(6, 4096);
        StorageTarget t = target();
        t.put("same", data);
        try {
            t.put("same", data);
        } catch (io.backbench.target.api.WriteOnceException refusedOnWriteOnce) {
            assertTrue(has(io.backbench.target.api.Capability.WRITE_ONCE),
                    "only a WRITE_ONCE target may refuse a put: " + refusedOnWriteOnce.getMessage());
        }
        assertArrayEquals(data, Data.get(t, "same"));
        assertEquals(Map.of("same", 4096L), Data.list(t, ""));
    }

    @Test
    default void statGivesSizeAndTimeOrEmpty() throws Exception {
        target().put("stat/me", Data.bytes(8, 1234));
        ObjectInfo info = target().stat("stat/me").orElseThrow(() -> new AssertionError("stat found nothing"));
        assertEquals("stat/me", info.key());
        assertEquals(1234L, info.size());
        assertNotNull(info.modified());
        assertEquals(Optional.empty(), target().stat("stat/other"), "stat of a missing key must be empty");
        assertEquals(Optional.empty(), target().stat("stat"), "stat of a key's parent must be empty");
    }

    @Test
    default void storesDeeplyNestedAndUnusualButValidKeys() throws Exception {
        String[] keys = {"a/b/c/d/e/f/g", "x.y", "_under_score", "dash-ed/UPPER.lower.123", "..dots", "a/b/c/d/e/f/h"};
        for (int i = 0; i < keys.length; i++) {
            target().put(keys[i], Data.bytes(i, 10 + i));
        }
        for (int i = 0; i < keys.length; i++) {
            assertArrayEquals(Data.bytes(i, 10 + i), Data.get(target(), keys[i]), keys[i]);
        }
        assertEquals(keys.length, Data.list(target(), "").size());
    }
}
