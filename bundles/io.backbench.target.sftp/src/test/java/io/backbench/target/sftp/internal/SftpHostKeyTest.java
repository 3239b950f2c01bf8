package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/** Strict host key checking: only the server whose key has the configured fingerprint is trusted. */
class SftpHostKeyTest {
    @TempDir
    Path dir;
    private SftpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new SftpServer(dir.resolve("served"), dir.resolve("host-key"));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aWrongFingerprintIsRefusedWithTheServersFingerprintAndNothingIsWritten() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        String wrong = "SHA256:" + "A".repeat(43);
        s.put("host_key", wrong);
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertFalse(e.isRetryable(), "a refused host key must not be retried");
        assertTrue(e.getMessage().contains(server.fingerprint()), "the message must show the server's key: " + e.getMessage());
        assertTrue(e.getMessage().contains(wrong), "the message must show the expected key: " + e.getMessage());
        assertTrue(e.getMessage().contains("ecdsa-sha2-nistp256"), e.getMessage());
        assertFalse(e.getMessage().contains(SftpServer.PASSWORD), "the message must not show the password");
        assertFalse(Files.exists(server.root.resolve("repo")), "nothing may be created on an untrusted server");
    }

    @Test
    void aMissingFingerprintIsRefusedWithTheServersFingerprintToPaste() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        s.remove("host_key");
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("no host key fingerprint is set"), e.getMessage());
        assertTrue(e.getMessage().contains(server.fingerprint()), e.getMessage());

        s.put("host_key", server.fingerprint()); // what the administrator then pastes
        try (StorageTarget t = new SftpTargetFactory().open(TargetSettings.of(s))) {
            t.put("config", new byte[] {1, 2, 3});
        }
        assertTrue(Files.isRegularFile(server.root.resolve("repo/config")));
    }

    @Test
    void aMalformedFingerprintIsRefusedBeforeConnecting() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        s.put("host_key", "MD5:12:34:56");
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertTrue(e.getMessage().contains("'host_key'") && e.getMessage().contains("MD5:12:34:56"), e.getMessage());
    }

    @Test
    void base64PaddingInTheFingerprintIsAccepted() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        s.put("host_key", "  " + server.fingerprint() + "=\n");
        try (StorageTarget t = new SftpTargetFactory().open(TargetSettings.of(s))) {
            t.put("padded", new byte[] {9});
        }
        assertTrue(Files.isRegularFile(server.root.resolve("repo/padded")));
    }

    @Test
    void theProbeFetchesTheServersFingerprintWithoutLoggingIn() throws Exception {
        HostKeyProbe.PresentedKey key = HostKeyProbe.fetch("127.0.0.1", server.port(), Duration.ofSeconds(10));
        assertEquals(server.fingerprint(), key.fingerprint());
        assertEquals("ecdsa-sha2-nistp256", key.type());
    }

    @Test
    void theProbeFailsClearlyWhenNothingListens() throws Exception {
        int port = server.port();
        server.stop();
        Exception e = assertThrows(Exception.class, () -> HostKeyProbe.fetch("127.0.0.1", port, Duration.ofSeconds(5)));
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank());
        server.restart();
    }
}
