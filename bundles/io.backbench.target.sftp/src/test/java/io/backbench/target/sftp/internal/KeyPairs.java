package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.PublicKeyEntry;

/** Private key files made by OpenSSH's ssh-keygen, as an administrator makes them; needs ssh-keygen (openssh-client). */
final class KeyPairs {
    private KeyPairs() {
    }

    /** Makes a key of {@code type} protected by {@code passphrase} (empty: none; 4 KDF rounds, not 16, to keep
     * the tests quick); returns the private key's path. */
    static Path sshKeygen(Path folder, String type, String passphrase) throws Exception {
        Files.createDirectories(folder);
        Path key = folder.resolve("id_" + type + "_" + System.nanoTime());
        Process p = new ProcessBuilder(List.of("ssh-keygen", "-q", "-a", "4", "-t", type, "-N", passphrase, "-C", "backbench test",
                "-f", key.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), "ssh-keygen (Debian package openssh-client) failed: " + out);
        return key;
    }

    static PublicKey publicKey(Path privateKey) throws Exception {
        String line = Files.readString(Path.of(privateKey + ".pub")).strip();
        return PublicKeyEntry.parsePublicKeyEntry(line).resolvePublicKey(null, null, null);
    }
}
