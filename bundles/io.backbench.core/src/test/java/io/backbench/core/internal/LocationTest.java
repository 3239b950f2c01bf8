package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.TargetException;

class LocationTest {

    @Test
    void readsAnAbsoluteFolderAsTheDiskTarget() throws Exception {
        Location l = Location.parse("/srv/backup/repo/../repo2");
        assertEquals("disk", l.type());
        assertEquals(Map.of("path", "/srv/backup/repo2"), l.settings());
        assertNull(l.name());
    }

    @Test
    void readsARelativeFolderAsTheDiskTargetMadeAbsolute() throws Exception {
        Location l = Location.parse("repo");
        assertEquals(Map.of("path", Path.of("repo").toAbsolutePath().toString()), l.settings());
    }

    @Test
    void readsTargetColonNameAsAConfiguredTarget() throws Exception {
        Location l = Location.parse("target:nas-1");
        assertEquals("nas-1", l.name());
        assertNull(l.type());
        assertTrue(l.named());
    }

    @Test
    void readsTypeWithKeyValuePairs() throws Exception {
        Location l = Location.parse("s3:bucket=b,endpoint=http://127.0.0.1:9000");
        assertEquals("s3", l.type());
        assertEquals(Map.of("bucket", "b", "endpoint", "http://127.0.0.1:9000"), l.settings());
        assertNull(l.value());
    }

    @Test
    void readsTypeWithOneValueForItsFirstRequiredSetting() throws Exception {
        Location l = Location.parse("s3:http://127.0.0.1:9000/bucket");
        assertEquals("s3", l.type());
        assertEquals("http://127.0.0.1:9000/bucket", l.value());
        assertEquals(Map.of(), l.settings());
    }

    @Test
    void makesTheDiskTypesValueAnAbsolutePath() throws Exception {
        assertEquals(Map.of("path", "/a/c"), Location.parse("disk:/a/b/../c").settings());
        assertEquals(Map.of("path", Path.of("x").toAbsolutePath().toString()), Location.parse("disk:path=x").settings());
    }

    @Test
    void rejectsAPairWithoutKeyNamingIt() {
        TargetException e = assertThrows(TargetException.class, () -> Location.parse("s3:bucket=b,=x"));
        assertTrue(e.getMessage().contains("'=x' is not key=value"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyLocationSayingWhatToWrite() {
        TargetException e = assertThrows(TargetException.class, () -> Location.parse("  "));
        assertTrue(e.getMessage().contains("target:NAME"), e.getMessage());
        TargetException noName = assertThrows(TargetException.class, () -> Location.parse("target:"));
        assertTrue(noName.getMessage().contains("names no target"), noName.getMessage());
    }
}
