package io.backbench.discovery.internal.table;

import java.util.HexFormat;

/** GUIDs as GPT stores them: the first three fields little-endian, the rest in byte order. */
final class Guids {
    private Guids() {
    }

    static String format(byte[] b, int off) {
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(b[off + 3]) + hex.toHexDigits(b[off + 2]) + hex.toHexDigits(b[off + 1])
                + hex.toHexDigits(b[off]) + "-" + hex.toHexDigits(b[off + 5]) + hex.toHexDigits(b[off + 4]) + "-"
                + hex.toHexDigits(b[off + 7]) + hex.toHexDigits(b[off + 6]) + "-" + hex.formatHex(b, off + 8, off + 10)
                + "-" + hex.formatHex(b, off + 10, off + 16);
    }
}
