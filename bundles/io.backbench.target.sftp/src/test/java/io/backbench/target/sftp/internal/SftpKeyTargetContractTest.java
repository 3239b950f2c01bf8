package io.backbench.target.sftp.internal;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit again, logging in with a passphrase-protected private key that ssh-keygen
 * made (OpenSSH's own key format), no password; a relative folder (under the user's home) and a
 * single connection, so every operation shares one session.
 */
class SftpKeyTargetContractTest extends SftpTargetContractTest {
    private static Path keyFile;

    @BeforeAll
    static void makeKey() throws Exception {
        keyFile = KeyPairs.sshKeygen(dir.resolve("keys"), "ecdsa", "a passphrase");
        server.authorize(KeyPairs.publicKey(keyFile));
    }

    @Override
    Map<String, String> settingsFor(String path) throws Exception {
        Map<String, String> m = super.settingsFor(path.substring(1)); // relative: under the login folder
        m.remove("password");
        m.put("key_file", keyFile.toString());
        m.put("passphrase", "a passphrase");
        m.put("connections", "2");
        return m;
    }
}
