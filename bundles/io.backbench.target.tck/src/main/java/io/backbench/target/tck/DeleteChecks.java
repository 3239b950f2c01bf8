package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectNotFoundException;

/** Deleting objects, on targets that declare {@link Capability#DELETE}. */
interface DeleteChecks extends TargetUnderTest {

    private void assumeDelete() {
        assumeTrue(has(Capability.DELETE), "the target does not declare DELETE");
    }

    @Test
    default void deletedObjectIsGoneFromGetStatAndList() throws Exception {
        assumeDelete();
        target().put("del/gone", Data.bytes(1, 100));
        target().put("del/stays", Data.bytes(2, 200));
        assertTrue(target().delete("del/gone"), "delete of an existing object must return true");
        assertEquals(Optional.empty(), target().stat("del/gone"));
        assertThrows(ObjectNotFoundException.class, () -> target().get("del/gone"));
        assertThrows(ObjectNotFoundException.class, () -> target().get("del/gone", 10, 10));
        assertEquals(Map.of("del/stays", 200L), Data.list(target(), ""));
        assertEquals(Map.of("del/stays", 200L), Data.list(target(), "del/"));
        assertArrayEquals(Data.bytes(2, 200), Data.get(target(), "del/stays"));
    }

    @Test
    default void deleteIsIdempotent() throws Exception {
        assumeDelete();
        target().put("del/twice", Data.bytes(3, 10));
        assertTrue(target().delete("del/twice"));
        assertFalse(target().delete("del/twice"), "a second delete must return false");
        assertFalse(target().delete("del/never-existed"), "deleting a missing key must return false");
        assertEquals(Map.of(), Data.list(target(), ""));
    }

    @Test
    default void keyCanBeWrittenAgainAfterDelete() throws Exception {
        assumeDelete();
        target().put("del/again", Data.bytes(4, 50));
        target().delete("del/again");
        target().put("del/again", Data.bytes(5, 60));
        assertArrayEquals(Data.bytes(5, 60), Data.get(target(), "del/again"));
        assertEquals(Map.of("del/again", 60L), Data.list(target(), ""));
    }

    @Test
    default void deletingAParentPathDeletesNothing() throws Exception {
        assumeDelete();
        target().put("del/parent/child", Data.bytes(6, 70));
        assertFalse(target().delete("del/parent"), "'del/parent' is no object, so delete must return false");
        assertArrayEquals(Data.bytes(6, 70), Data.get(target(), "del/parent/child"));
    }

    @Test
    default void deletingEverythingLeavesAnEmptyListing() throws Exception {
        assumeDelete();
        for (int i = 0; i < 20; i++) {
            target().put("many/" + (i % 4) + "/" + i, Data.bytes(i, i));
        }
        for (int i = 0; i < 20; i++) {
            assertTrue(target().delete("many/" + (i % 4) + "/" + i));
        }
        assertEquals(Map.of(), Data.list(target(), ""));
        assertEquals(Map.of(), Data.list(target(), "many/"));
    }
}
