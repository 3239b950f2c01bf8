package io.backbench.target.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.ObjectNotFoundException;

/** A key that names no object. */
interface MissingObjectChecks extends TargetUnderTest {

    @Test
    default void getOfAMissingObjectThrowsObjectNotFoundWhichIsNotRetryable() throws Exception {
        ObjectNotFoundException e = assertThrows(ObjectNotFoundException.class, () -> target().get("no/such/object"));
        assertFalse(e.isRetryable(), "a missing object must not be retryable");
        assertEquals("no/such/object", e.key(), "the exception must name the missing key");
    }

    @Test
    default void rangedGetOfAMissingObjectThrowsObjectNotFound() throws Exception {
        assertThrows(ObjectNotFoundException.class, () -> target().get("missing", 0, 10));
        assertThrows(ObjectNotFoundException.class, () -> target().get("missing", 5, -1));
    }

    @Test
    default void getOfAParentPathOrAChildOfAnObjectThrowsObjectNotFound() throws Exception {
        target().put("parent/child", Data.bytes(1, 10));
        assertThrows(ObjectNotFoundException.class, () -> target().get("parent"));
        assertThrows(ObjectNotFoundException.class, () -> target().get("parent/child/grandchild"));
        assertEquals(Optional.empty(), target().stat("parent/child/grandchild"));
    }

    @Test
    default void keysAreCaseSensitive() throws Exception {
        target().put("Case/Key", Data.bytes(2, 10));
        assertThrows(ObjectNotFoundException.class, () -> target().get("case/key"));
        assertEquals(Optional.empty(), target().stat("CASE/KEY"));
    }
}
