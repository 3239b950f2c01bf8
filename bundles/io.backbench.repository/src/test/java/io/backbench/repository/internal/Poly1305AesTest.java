package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.HexFormat;
import java.util.SplittableRandom;

import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/** Our Poly1305-AES against BouncyCastle's (an independent implementation) on random keys, nonces and lengths. */
class Poly1305AesTest {

    @Test
    void agreesWithBouncyCastleForEveryLengthUpTo300BytesAndOddOffsets() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int len = 0; len <= 300; len++) {
            for (int round = 0; round < 4; round++) {
                check(rnd, len, rnd.nextInt(8));
            }
        }
    }

    @Test
    void agreesWithBouncyCastleForLargeMessagesAndAllOnesInput() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int len : new int[] {1023, 4096, 65_537, 1 << 20, (1 << 20) + 63}) {
            check(rnd, len, 3);
        }
        // all 0xff bytes and an all-ones r push every limb to its largest value
        byte[] k = new byte[16];
        byte[] r = new byte[16];
        java.util.Arrays.fill(r, (byte) 0xff);
        byte[] n = new byte[16];
        byte[] msg = new byte[4096 + 17];
        java.util.Arrays.fill(msg, (byte) 0xff);
        compare(k, r, n, msg, 0, msg.length);
    }

    @Test
    void aDifferentNonceGivesTheTagBouncyCastleGives() {
        byte[] k = HexFormat.of().parseHex("ec074c835580741701425b623235add6");
        byte[] r = HexFormat.of().parseHex("851fc40c3467ac0be05cc20404f3f700");
        byte[] msg = HexFormat.of().parseHex("f3f6");
        for (int i = 0; i < 16; i++) {
            byte[] n = new byte[16];
            n[i] = (byte) (i * 17 + 1);
            compare(k, r, n, msg, 0, msg.length);
        }
    }

    private static void check(SplittableRandom rnd, int len, int off) {
        byte[] k = bytes(rnd, 16);
        byte[] r = bytes(rnd, 16);
        byte[] n = bytes(rnd, 16);
        byte[] msg = bytes(rnd, len + off + 5);
        compare(k, r, n, msg, off, len);
    }

    private static void compare(byte[] k, byte[] r, byte[] n, byte[] msg, int off, int len) {
        byte[] ours = new byte[20];
        new Poly1305Aes(k, r).compute(n, 0, msg, off, len, ours, 2);
        byte[] key = new byte[32];
        System.arraycopy(r, 0, key, 0, 16);
        System.arraycopy(k, 0, key, 16, 16);
        Poly1305 bc = new Poly1305(AESEngine.newInstance());
        bc.init(new ParametersWithIV(new KeyParameter(key), n));
        bc.update(msg, off, len);
        byte[] theirs = new byte[16];
        bc.doFinal(theirs, 0);
        assertArrayEquals(theirs, java.util.Arrays.copyOfRange(ours, 2, 18), "length " + len + " offset " + off);
    }

    private static byte[] bytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
