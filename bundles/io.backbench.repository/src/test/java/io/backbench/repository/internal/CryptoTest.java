package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.backbench.repository.api.RepositoryException;

class CryptoTest {
    private static final HexFormat HEX = HexFormat.of();

    /** The four examples of Bernstein's Poly1305-AES paper (appendix B): m, k, r, n, tag. */
    @ParameterizedTest
    @CsvSource({
        "f3f6, ec074c835580741701425b623235add6, 851fc40c3467ac0be05cc20404f3f700, fb447350c4e868c52ac3275cf9d4327e, f4c633c3044fc145f84f335cb81953de",
        "'', 75deaa25c09f208e1dc4ce6b5cad3fbf, a0f3080000f46400d0c7e9076c834403, 61ee09218d29b0aaed7e154a2c5509cc, dd3fab2251f11ac759f0887129cc2ee7",
        "663cea190ffb83d89593f3f476b6bc24d7e679107ea26adb8caf6652d0656136, 6acb5f61a7176dd320c5c1eb2edcdc74, 48443d0bb0d21109c89a100b5ce2c208, ae212a55399729595dea458bc621ff0e, 0ee1c16bb73f0f4fd19881753c01cdbe",
        "ab0812724a7f1e342742cbed374d94d136c6b8795d45b3819830f2c04491faf0990c62e48b8018b2c3e4a0fa3134cb67fa83e158c994d961c4cb21095c1bf9, e1a5668a4d5b66a5f68cc5424ed5982d, 12976a08c4426d0ce8a82407c4f48207, 9ae831e743978d3a23527c7128149e3a, 5154ad0d2cb26e01274fc51148491f1b"
    })
    void poly1305AesMatchesThePublishedExamples(String m, String k, String r, String n, String tag) {
        byte[] msg = HEX.parseHex(m);
        byte[] out = new byte[16];
        new Poly1305Aes(HEX.parseHex(k), HEX.parseHex(r)).compute(HEX.parseHex(n), 0, msg, 0, msg.length, out, 0);
        assertEquals(tag, HEX.formatHex(out));
    }

    @Test
    void sealedDataOpensToThePlaintextAndCarriesIvAndMac() throws Exception {
        CryptoKey key = CryptoKey.random();
        byte[] plain = new byte[100_000];
        new Random(1).nextBytes(plain);
        byte[] sealed = key.seal(plain);
        assertEquals(plain.length + 32, sealed.length);
        assertArrayEquals(plain, key.open(sealed));
        assertNotEquals(HEX.formatHex(key.seal(plain)), HEX.formatHex(sealed), "every seal takes a fresh IV");
    }

    @Test
    void aFlippedBitOrAnotherKeyFailsVerification() {
        CryptoKey key = CryptoKey.random();
        byte[] sealed = key.seal("secret".getBytes());
        for (int i = 0; i < sealed.length; i++) {
            byte[] bad = sealed.clone();
            bad[i] ^= 1;
            RepositoryException e = assertThrows(RepositoryException.class, () -> key.open(bad));
            assertTrue(e.getMessage().contains("verification failed"), e.getMessage());
        }
        assertThrows(RepositoryException.class, () -> CryptoKey.random().open(sealed));
        assertThrows(RepositoryException.class, () -> key.open(new byte[31]));
    }

    @Test
    void aesCtrMatchesTheJdkCounterModeIncludingCarryAcrossAllSixteenBytes() throws Exception {
        javax.crypto.spec.SecretKeySpec k = new javax.crypto.spec.SecretKeySpec(HEX.parseHex("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"), "AES");
        byte[] plain = new byte[100_003];
        new Random(2).nextBytes(plain);
        for (String iv : new String[] {"f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff", "00000000000000fffffffffffffffff0", "fffffffffffffffffffffffffffffffe"}) {
            byte[] ivb = HEX.parseHex(iv);
            javax.crypto.Cipher jdk = javax.crypto.Cipher.getInstance("AES/CTR/NoPadding");
            jdk.init(javax.crypto.Cipher.ENCRYPT_MODE, k, new javax.crypto.spec.IvParameterSpec(ivb));
            byte[] expected = jdk.doFinal(plain);
            byte[] actual = new byte[plain.length];
            new AesCtr(k).crypt(ivb, 0, plain, 0, plain.length, actual, 0);
            assertArrayEquals(expected, actual, iv);
        }
        // NIST SP 800-38A F.5.5, first block
        byte[] out = new byte[16];
        new AesCtr(k).crypt(HEX.parseHex("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"), 0, HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"), 0, 16, out, 0);
        assertEquals("601ec313775789a5b7a7f504bbf3d228", HEX.formatHex(out));
    }

    @Test
    void theMacKeyRIsClampedAsPoly1305Requires() {
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xff);
        CryptoKey key = new CryptoKey(new byte[32], ones, ones);
        assertEquals("ffffff0ffcffff0ffcffff0ffcffff0f", HEX.formatHex(key.macR()));
    }

    @Test
    void scryptMatchesRfc7914() {
        // RFC 7914 section 12, second vector: P="password", S="NaCl", N=1024, r=8, p=16, dkLen=64
        byte[] dk = Scrypt.derive("password".getBytes(), "NaCl".getBytes(), 1024, 8, 16, 64);
        assertEquals("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640",
                HEX.formatHex(dk));
    }

    @Test
    void scryptMatchesTheOtherRfc7914VectorsIncludingAnEmptyPassword() {
        byte[] empty = Scrypt.derive(new byte[0], new byte[0], 16, 1, 1, 64);
        assertEquals("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906",
                HEX.formatHex(empty));
        byte[] dk = Scrypt.derive("pleaseletmein".getBytes(), "SodiumChloride".getBytes(), 16384, 8, 1, 64);
        assertEquals("7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887",
                HEX.formatHex(dk));
    }

    @Test
    void scryptAgreesWithBouncyCastleForOddParameters() {
        java.util.Random rnd = new java.util.Random(7);
        for (int[] npr : new int[][] {{2, 1, 1}, {64, 3, 2}, {256, 5, 3}, {1024, 8, 1}}) {
            byte[] pw = new byte[rnd.nextInt(40)];
            byte[] salt = new byte[rnd.nextInt(70)];
            rnd.nextBytes(pw);
            rnd.nextBytes(salt);
            int len = 1 + rnd.nextInt(100);
            assertArrayEquals(org.bouncycastle.crypto.generators.SCrypt.generate(pw, salt, npr[0], npr[1], npr[2], len),
                    Scrypt.derive(pw, salt, npr[0], npr[1], npr[2], len), java.util.Arrays.toString(npr));
        }
    }

    @Test
    void keyFileOpensWithItsPasswordOnly() throws Exception {
        CryptoKey master = CryptoKey.random();
        byte[] json = KeyFile.create(master, "pw".toCharArray(), new io.backbench.repository.api.RepositoryOptions.KdfParams(1024, 8, 1));
        KeyFile kf = KeyFile.parse(json, "key");
        CryptoKey opened = kf.open("pw".toCharArray(), "key");
        assertArrayEquals(master.encryptionKey(), opened.encryptionKey());
        assertArrayEquals(master.macK(), opened.macK());
        assertArrayEquals(master.macR(), opened.macR());
        assertEquals(null, kf.open("wrong".toCharArray(), "key"));
        String text = new String(json);
        assertTrue(text.contains("\"kdf\":\"scrypt\",\"N\":1024,\"r\":8,\"p\":1"), text);
    }
}
