package io.backbench.repository.internal;

import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.spec.SecretKeySpec;

import io.backbench.repository.api.RepositoryException;

/**
 * restic's authenticated encryption: AES-256-CTR (see {@link AesCtr}) with a random 16-byte IV, then Poly1305-AES over the
 * ciphertext; stored as {@code IV || ciphertext || MAC}. Thread-safe: ciphers and MACs are per thread.
 */
public final class CryptoKey {
    public static final int IV_SIZE = 16;
    public static final int OVERHEAD = IV_SIZE + Poly1305Aes.TAG_SIZE;
    private static final int[] R_MASK = {0xff, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f, 0xfc, 0xff, 0xff, 0x0f};
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] encrypt;
    private final byte[] macK;
    private final byte[] macR;
    private final SecretKeySpec aesKey;
    private final ThreadLocal<AesCtr> ciphers;
    private final ThreadLocal<Poly1305Aes> macs;

    public CryptoKey(byte[] encrypt, byte[] macK, byte[] macR) {
        if (encrypt.length != 32 || macK.length != 16 || macR.length != 16) {
            throw new IllegalArgumentException("key sizes must be 32, 16 and 16 bytes");
        }
        this.encrypt = encrypt.clone();
        this.macK = macK.clone();
        this.macR = macR.clone();
        for (int i = 0; i < 16; i++) {
            this.macR[i] = (byte) (this.macR[i] & R_MASK[i]);
        }
        this.aesKey = new SecretKeySpec(this.encrypt, "AES");
        this.ciphers = ThreadLocal.withInitial(() -> new AesCtr(aesKey));
        this.macs = ThreadLocal.withInitial(() -> new Poly1305Aes(this.macK, this.macR));
    }

    /** A fresh random master key, as {@code restic init} makes one. */
    public static CryptoKey random() {
        byte[] all = new byte[64];
        RANDOM.nextBytes(all);
        return new CryptoKey(Arrays.copyOfRange(all, 0, 32), Arrays.copyOfRange(all, 32, 48), Arrays.copyOfRange(all, 48, 64));
    }

    /** The key derived from scrypt's 64 bytes: encryption key, then MAC k, then MAC r. */
    public static CryptoKey fromKdf(byte[] derived) {
        return new CryptoKey(Arrays.copyOfRange(derived, 0, 32), Arrays.copyOfRange(derived, 32, 48), Arrays.copyOfRange(derived, 48, 64));
    }

    byte[] encryptionKey() {
        return encrypt.clone();
    }

    byte[] macK() {
        return macK.clone();
    }

    byte[] macR() {
        return macR.clone();
    }

    /** Encrypts {@code plain[off..off+len)} into a new array {@code IV || ciphertext || MAC}. */
    public byte[] seal(byte[] plain, int off, int len) {
        byte[] out = new byte[len + OVERHEAD];
        sealInto(plain, off, len, out, 0);
        return out;
    }

    public byte[] seal(byte[] plain) {
        return seal(plain, 0, plain.length);
    }

    /** Encrypts into {@code out[outOff..outOff+len+OVERHEAD)}; no intermediate copies. */
    public void sealInto(byte[] plain, int off, int len, byte[] out, int outOff) {
        byte[] iv = new byte[IV_SIZE];
        RANDOM.nextBytes(iv);
        System.arraycopy(iv, 0, out, outOff, IV_SIZE);
        ciphers.get().crypt(iv, 0, plain, off, len, out, outOff + IV_SIZE);
        macs.get().compute(out, outOff, out, outOff + IV_SIZE, len, out, outOff + IV_SIZE + len);
    }

    /**
     * Checks the MAC and decrypts {@code IV || ciphertext || MAC}; a wrong key or altered data is a
     * {@link RepositoryException} ("ciphertext verification failed").
     */
    public byte[] open(byte[] data, int off, int len) throws RepositoryException {
        int ctLen = checkMac(data, off, len);
        byte[] plain = new byte[ctLen];
        ciphers.get().crypt(data, off, data, off + IV_SIZE, ctLen, plain, 0);
        return plain;
    }

    /**
     * As {@link #open(byte[], int, int)}, decrypting over the ciphertext: the plaintext is
     * {@code data[off + IV_SIZE .. + returned length)}.
     */
    public int openInPlace(byte[] data, int off, int len) throws RepositoryException {
        int ctLen = checkMac(data, off, len);
        ciphers.get().crypt(data, off, data, off + IV_SIZE, ctLen, data, off + IV_SIZE);
        return ctLen;
    }

    /** Checks the MAC of {@code IV || ciphertext || MAC}; returns the ciphertext's length. */
    private int checkMac(byte[] data, int off, int len) throws RepositoryException {
        if (len < OVERHEAD) {
            throw new RepositoryException("encrypted data is too short (" + len + " bytes, at least " + OVERHEAD + " expected)");
        }
        int ctLen = len - OVERHEAD;
        byte[] tag = new byte[Poly1305Aes.TAG_SIZE];
        macs.get().compute(data, off, data, off + IV_SIZE, ctLen, tag, 0);
        int diff = 0;
        for (int i = 0; i < tag.length; i++) {
            diff |= tag[i] ^ data[off + IV_SIZE + ctLen + i];
        }
        if (diff != 0) {
            throw new RepositoryException("ciphertext verification failed (wrong key, or the data was altered)");
        }
        return ctLen;
    }

    public byte[] open(byte[] data) throws RepositoryException {
        return open(data, 0, data.length);
    }

    /** Whether {@code data} was sealed with this key: its MAC checks out. */
    public boolean authenticates(byte[] data) {
        try {
            checkMac(data, 0, data.length);
            return true;
        } catch (RepositoryException e) {
            return false;
        }
    }
}
