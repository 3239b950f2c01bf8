package io.backbench.repository.internal;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;

/**
 * Poly1305-AES (Bernstein 2005) as restic uses it: the one-time key is r (clamped) and AES_k(nonce).
 * The only class that touches BouncyCastle's MAC. One instance per thread (not thread-safe).
 */
final class Poly1305Aes {
    static final int TAG_SIZE = 16;
    private final Poly1305 mac = new Poly1305(AESEngine.newInstance());
    private final byte[] key = new byte[32];

    /** {@code k} is the 16-byte AES key, {@code r} the 16-byte Poly1305 key (clamped here). */
    Poly1305Aes(byte[] k, byte[] r) {
        // BouncyCastle's layout is r || k; it clamps r itself
        System.arraycopy(r, 0, key, 0, 16);
        System.arraycopy(k, 0, key, 16, 16);
    }

    void compute(byte[] nonce, int nonceOff, byte[] msg, int off, int len, byte[] out, int outOff) {
        mac.init(new ParametersWithIV(new KeyParameter(key), nonce, nonceOff, 16));
        mac.update(msg, off, len);
        mac.doFinal(out, outOff);
    }
}
