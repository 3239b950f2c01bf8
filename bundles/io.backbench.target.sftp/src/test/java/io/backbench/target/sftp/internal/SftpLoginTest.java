package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/** Logging in: password, key files (with and without passphrase), and the refusals, each with a message that helps. */
class SftpLoginTest {
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

    private Map<String, String> withKey(Path key, String passphrase) throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        s.remove("password");
        s.put("key_file", key.toString());
        if (passphrase != null) {
            s.put("passphrase", passphrase);
        }
        return s;
    }

    private static void roundTrip(Map<String, String> settings) throws Exception {
        try (StorageTarget t = new SftpTargetFactory().open(TargetSettings.of(settings))) {
            t.put("keys/a", new byte[] {4, 5, 6});
            try (var in = t.get("keys/a")) {
                assertArrayEquals(new byte[] {4, 5, 6}, in.readAllBytes());
            }
        }
    }

    @Test
    void logsInWithAnRsaKeyWithoutPassphrase() throws Exception {
        Path key = KeyPairs.sshKeygen(dir.resolve("keys"), "rsa", "");
        server.authorize(KeyPairs.publicKey(key));
        roundTrip(withKey(key, null));
    }

    @Test
    void aWrongPasswordIsRefusedPermanentlyNamingTheUser() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        s.put("password", "not the password");
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("refused to log in user '" + SftpServer.USER + "'"), e.getMessage());
        assertFalse(e.getMessage().contains("not the password"), "never show the password: " + e.getMessage());
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefused() throws Exception {
        Path key = KeyPairs.sshKeygen(dir.resolve("keys"), "ecdsa", "");
        TargetException e = assertThrows(TargetException.class,
                () -> new SftpTargetFactory().open(TargetSettings.of(withKey(key, null))));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("authorized_keys"), e.getMessage());
    }

    @Test
    void aWrongPassphraseIsRefusedAtOpenNamingTheSetting() throws Exception {
        Path key = KeyPairs.sshKeygen(dir.resolve("keys"), "ecdsa", "the passphrase");
        server.authorize(KeyPairs.publicKey(key));
        TargetException e = assertThrows(TargetException.class,
                () -> new SftpTargetFactory().open(TargetSettings.of(withKey(key, "another passphrase"))));
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("'passphrase'"), e.getMessage());
        assertFalse(e.getMessage().contains("another passphrase"), e.getMessage());
    }

    @Test
    void aMissingPassphraseIsRefusedWithAHint() throws Exception {
        Path key = KeyPairs.sshKeygen(dir.resolve("keys"), "ecdsa", "the passphrase");
        server.authorize(KeyPairs.publicKey(key));
        TargetException e = assertThrows(TargetException.class,
                () -> new SftpTargetFactory().open(TargetSettings.of(withKey(key, null))));
        assertTrue(e.getMessage().contains("set 'passphrase'"), e.getMessage());
    }

    @Test
    void aMissingKeyFileIsRefusedNamingThePath() throws Exception {
        Path key = dir.resolve("no-such-key");
        TargetException e = assertThrows(TargetException.class,
                () -> new SftpTargetFactory().open(TargetSettings.of(withKey(key, null))));
        assertTrue(e.getMessage().contains(key.toString()) && e.getMessage().contains("'key_file'"), e.getMessage());
    }

    @Test
    void aFolderThatIsAFileIsRefused() throws Exception {
        java.nio.file.Files.writeString(server.root.resolve("afile"), "x");
        Map<String, String> s = server.passwordSettings("/afile");
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void aMissingFolderIsRefusedWhenCreateIsOff() throws Exception {
        Map<String, String> s = server.passwordSettings("/not/there");
        s.put("create", "false");
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertTrue(e.getMessage().contains("does not exist") && e.getMessage().contains("create"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(server.root.resolve("not")));
    }

    @Test
    void nothingListeningIsARetryableConnectFailure() throws Exception {
        Map<String, String> s = server.passwordSettings("/repo");
        server.stop();
        TargetException e = assertThrows(TargetException.class, () -> new SftpTargetFactory().open(TargetSettings.of(s)));
        assertTrue(e.isRetryable(), "the server may be back soon: " + e.getMessage());
        assertTrue(e.getMessage().contains("cannot connect to 127.0.0.1:" + server.port()), e.getMessage());
        server.restart();
    }
}
