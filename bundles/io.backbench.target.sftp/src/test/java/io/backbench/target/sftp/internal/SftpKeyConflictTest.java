package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.TargetSettings;

/**
 * A key that needs a folder where an object's file is, or a file where a folder of longer keys is:
 * the server refuses with a plain failure status, which on a write otherwise means "disk full". The
 * put must fail as the key conflict it is (not TargetFull, which would stop a backup for the wrong
 * reason), and lose nothing.
 */
class SftpKeyConflictTest {
    @TempDir
    Path dir;
    private SftpServer server;
    private StorageTarget target;

    @BeforeEach
    void start() throws Exception {
        server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"));
        target = new SftpTargetFactory().open(TargetSettings.of(server.passwordSettings("/repo")));
    }

    @AfterEach
    void stop() throws Exception {
        target.close();
        server.close();
    }

    @Test
    void aKeyBelowAnObjectsKeyFailsAsAConflictAndKeepsTheObject() throws Exception {
        target.put("a", new byte[] {1, 2, 3});
        TargetException e = assertThrows(TargetException.class, () -> target.put("a/b", new byte[] {4}));
        assertFalse(e instanceof TargetFullException, "a key conflict is not a full target: " + e.getMessage());
        assertFalse(e.isRetryable(), e.getMessage());
        assertTrue(e.getMessage().contains("a file of that name is there"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, read("a"));
        assertEquals(Optional.empty(), target.stat("a/b"));
        target.put("c", new byte[] {5}); // the session is still good
    }

    @Test
    void aKeyThatIsAFolderOfLongerKeysFailsAsAConflictAndLeavesNoTemporaryFile() throws Exception {
        target.put("a/b", new byte[] {1});
        TargetException e = assertThrows(TargetException.class, () -> target.put("a", new byte[] {2, 3}));
        assertFalse(e instanceof TargetFullException, "a key conflict is not a full target: " + e.getMessage());
        assertFalse(e.isRetryable(), e.getMessage());
        assertTrue(e.getMessage().contains("cannot store 'a'") && e.getMessage().contains("is a folder"), e.getMessage());
        assertArrayEquals(new byte[] {1}, read("a/b"));
        try (Stream<Path> files = Files.walk(server.root.resolve("repo"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".tmp")).toList());
        }
    }

    private byte[] read(String key) throws IOException {
        try (InputStream in = target.get(key)) {
            return in.readAllBytes();
        }
    }
}
