package io.backbench.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts target secrets at rest with AES-256-GCM under a random per-installation key kept in
 * {@code <home>/config/secret.key} (mode 0600, made on first use). The associated data binds each
 * ciphertext to its target and setting, so a value copied to another place does not decrypt.
 * Thread-safe: every call makes its own Cipher.
 */
final class SecretBox {
    static final String PREFIX = "aes-gcm:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path keyFile;
    private volatile SecretKeySpec key;

    SecretBox(Path keyFile) {
        this.keyFile = keyFile;
    }

    String encrypt(String plain, String context) throws IOException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt a secret setting: " + e, e);
        }
    }

    String decrypt(String stored, String context) throws IOException {
        if (!stored.startsWith(PREFIX)) {
            throw new IOException("a secret setting is not encrypted as expected (" + context + "); enter it again");
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (in.length < IV_BYTES + TAG_BITS / 8) {
                throw new IOException("a secret setting is truncated (" + context + "); enter it again");
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IOException("cannot decrypt a secret setting (" + context + "): the key in " + keyFile
                    + " is not the one it was stored with (was the file replaced?); enter the secret again", e);
        }
    }

    private SecretKeySpec key() throws IOException {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = new SecretKeySpec(loadOrCreate(), "AES");
                }
                k = key;
            }
        }
        return k;
    }

    /** Several processes (CLI, workbench) may start at once: the first to move its file in wins. */
    private byte[] loadOrCreate() throws IOException {
        if (!Files.exists(keyFile)) {
            Files.createDirectories(keyFile.getParent());
            byte[] fresh = new byte[KEY_BYTES];
            RANDOM.nextBytes(fresh);
            Path tmp = Files.createTempFile(keyFile.getParent(), ".secret", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.write(tmp, fresh);
                try {
                    Files.createLink(keyFile, tmp); // fails if another process made the key first
                } catch (FileAlreadyExistsException e) {
                    // theirs wins; read it below
                } catch (UnsupportedOperationException | AtomicMoveNotSupportedException e) {
                    Files.move(tmp, keyFile, StandardCopyOption.ATOMIC_MOVE);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        byte[] k = Files.readAllBytes(keyFile);
        if (k.length != KEY_BYTES) {
            throw new IOException("the secret key file " + keyFile + " holds " + k.length + " bytes, not " + KEY_BYTES
                    + "; restore it from a backup (the stored target secrets need it), or delete it and enter the secrets again");
        }
        return k;
    }
}
