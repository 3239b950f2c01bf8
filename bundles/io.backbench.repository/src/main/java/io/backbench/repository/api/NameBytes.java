package io.backbench.repository.api;

import java.io.ByteArrayOutputStream;

/**
 * A file name's bytes and the string a {@link Node} holds for it. Names are bytes on Linux, and not
 * always UTF-8; a name string keeps every byte that starts no valid UTF-8 sequence (as Go's
 * {@code utf8.DecodeRune} reads it, the way restic does) as the lone surrogate U+DC00 + byte, so that
 * {@code encode(decode(b))} is {@code b} again, byte for byte.
 */
public final class NameBytes {
    private NameBytes() {
    }

    /** The name string for the bytes {@code b}. */
    public static String decode(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int b0 = b[i] & 0xff;
            int n = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
            if (n == 1) {
                sb.append((char) b0);
                i++;
            } else if (n == 0 || i + n > b.length || !validSequence(b, i, n)) {
                sb.append((char) (0xdc00 + b0));
                i++;
            } else {
                int cp = b0 & (0xff >> (n + 1));
                for (int k = 1; k < n; k++) {
                    cp = cp << 6 | (b[i + k] & 0x3f);
                }
                sb.appendCodePoint(cp);
                i += n;
            }
        }
        return sb.toString();
    }

    private static boolean validSequence(byte[] b, int i, int n) {
        int b0 = b[i] & 0xff;
        int b1 = b[i + 1] & 0xff;
        // the second byte's range rules out overlong forms, surrogates and code points above U+10FFFF
        int lo = b0 == 0xe0 ? 0xa0 : b0 == 0xf0 ? 0x90 : 0x80;
        int hi = b0 == 0xed ? 0x9f : b0 == 0xf4 ? 0x8f : 0xbf;
        if (b1 < lo || b1 > hi) {
            return false;
        }
        for (int k = 2; k < n; k++) {
            int c = b[i + k] & 0xff;
            if (c < 0x80 || c > 0xbf) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of the name string {@code name} (its escaped bytes as they were). */
    public static byte[] encode(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(name.length() + 8);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (cp >= 0xdc80 && cp <= 0xdcff) {
                out.write(cp - 0xdc00);
            } else if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
        }
        return out.toByteArray();
    }
}
