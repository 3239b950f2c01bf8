package io.backbench.launcher;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sets up the JDK's cryptography providers on a thread of its own while the framework starts. The
 * first {@code Mac.getInstance} of a process takes about 45 ms (the provider framework and SunJCE),
 * and a repository command asks for one first in its key derivation, on its critical path; the
 * framework's start leaves a processor free for it.
 */
final class CryptoWarmup {
    private CryptoWarmup() {
    }

    static void start() {
        Thread t = new Thread(CryptoWarmup::run, "backbench-crypto-setup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Mac.getInstance("HmacSHA256").init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            MessageDigest.getInstance("SHA-256");
            Cipher.getInstance("AES/ECB/NoPadding").init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[32], "AES"));
        } catch (GeneralSecurityException | RuntimeException e) {
            // nothing lost: whoever needs them sets them up (and reports) when it asks
        }
    }
}
