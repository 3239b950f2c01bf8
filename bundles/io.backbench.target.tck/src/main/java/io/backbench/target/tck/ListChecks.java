package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** Listing by prefix: a plain string prefix of the key, not a folder. */
interface ListChecks extends TargetUnderTest {

    private Map<String, byte[]> putListObjects() throws Exception {
        Map<String, byte[]> objects = new TreeMap<>();
        String[] keys = {"data/ab/1", "data/ab/2", "data/abc", "data/b/1", "dat", "data-x", "index/0", "config"};
        for (int i = 0; i < keys.length; i++) {
            byte[] content = Data.bytes(i, 100 * i);
            objects.put(keys[i], content);
            target().put(keys[i], content);
        }
        return objects;
    }

    private Map<String, Long> expected(Map<String, byte[]> objects, String prefix) {
        Map<String, byte[]> matching = new TreeMap<>();
        objects.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                matching.put(k, v);
            }
        });
        return Data.sizes(matching);
    }

    @Test
    default void listsEverythingForTheEmptyPrefix() throws Exception {
        Map<String, byte[]> objects = putListObjects();
        assertEquals(Data.sizes(objects), Data.list(target(), ""));
    }

    @Test
    default void listsOnlyKeysUnderPrefixWithTheirSizes() throws Exception {
        Map<String, byte[]> objects = putListObjects();
        for (String prefix : List.of("data/", "data/ab/", "data/b/", "index/", "config")) {
            assertEquals(expected(objects, prefix), Data.list(target(), prefix), "list(\"" + prefix + "\")");
        }
    }

    @Test
    default void treatsThePrefixAsAStringPrefixNotAFolder() throws Exception {
        Map<String, byte[]> objects = putListObjects();
        for (String prefix : List.of("data/a", "data/ab", "dat", "data", "d", "data/ab/1", "conf")) {
            assertEquals(expected(objects, prefix), Data.list(target(), prefix), "list(\"" + prefix + "\")");
        }
    }

    @Test
    default void listsNothingForAPrefixThatMatchesNoKey() throws Exception {
        putListObjects();
        assertEquals(Map.of(), Data.list(target(), "nothing/"));
        assertEquals(Map.of(), Data.list(target(), "data/ab/1/deeper"));
        assertEquals(Map.of(), Data.list(target(), "zzz"));
    }

    @Test
    default void listShowsTheSizeOfTheLatestWrite() throws Exception {
        target().put("sized", Data.bytes(1, 10));
        if (!has(io.backbench.target.api.Capability.WRITE_ONCE)) {
            target().put("sized", Data.bytes(1, 20));
            assertEquals(Map.of("sized", 20L), Data.list(target(), ""));
        } else {
            assertEquals(Map.of("sized", 10L), Data.list(target(), ""));
        }
    }

    @Test
    default void callsTheConsumerOnTheCallingThread() throws Exception {
        putListObjects();
        Thread caller = Thread.currentThread();
        List<Thread> seen = new ArrayList<>();
        target().list("", info -> seen.add(Thread.currentThread()));
        assertEquals(8, seen.size());
        seen.forEach(t -> assertSame(caller, t, "list must call the consumer from the calling thread"));
    }
}
