package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/** Close, and what survives it. */
interface LifecycleChecks extends TargetUnderTest {

    @Test
    default void closeIsIdempotent() throws Exception {
        target().put("before-close", new byte[] {1});
        target().close();
        target().close();
    }

    @Test
    default void operationsOnAClosedTargetFail() throws Exception {
        StorageTarget t = target();
        t.put("closed/object", new byte[] {1, 2, 3});
        t.close();
        assertThrows(TargetException.class, () -> t.put("closed/other", new byte[] {1}), "put after close");
        assertThrows(TargetException.class, () -> t.get("closed/object"), "get after close");
        assertThrows(TargetException.class, () -> t.stat("closed/object"), "stat after close");
        assertThrows(TargetException.class, () -> t.list("", info -> { }), "list after close");
    }

    @Test
    default void persistentTargetKeepsEveryObjectAcrossCloseAndReopen() throws Exception {
        assumeTrue(has(Capability.PERSISTENT), "the target does not declare PERSISTENT");
        Map<String, byte[]> objects = new TreeMap<>();
        objects.put("config", Data.bytes(1, 155));
        objects.put("empty", new byte[0]);
        objects.put("data/3f/3f9a", Data.bytes(2, 300_000));
        objects.put("index/1", Data.bytes(3, 4096));
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            target().put(e.getKey(), e.getValue());
        }
        if (has(Capability.DELETE)) {
            target().put("deleted/before-close", Data.bytes(4, 10));
            target().delete("deleted/before-close");
        }
        if (!has(Capability.WRITE_ONCE)) {
            target().put("config", Data.bytes(5, 99));
            objects.put("config", Data.bytes(5, 99));
        }
        StorageTarget reopened = closeAndReopen();
        assertEquals(Data.sizes(objects), Data.list(reopened, ""), "the reopened target must list the same objects");
        for (Map.Entry<String, byte[]> e : objects.entrySet()) {
            assertArrayEquals(e.getValue(), Data.get(reopened, e.getKey()), e.getKey() + " after reopen");
        }
        reopened.put("after/reopen", new byte[] {7});
        assertArrayEquals(new byte[] {7}, Data.get(reopened, "after/reopen"));
    }
}
