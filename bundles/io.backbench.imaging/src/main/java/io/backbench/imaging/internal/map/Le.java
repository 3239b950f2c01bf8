package io.backbench.imaging.internal.map;

/** Little-endian numbers out of on-disk structures. */
final class Le {
    private Le() {
    }

    static int u8(byte[] b, int off) {
        return b[off] & 0xff;
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int off) {
        return u16(b, off) | (long) u16(b, off + 2) << 16;
    }

    static long u64(byte[] b, int off) {
        return u32(b, off) | u32(b, off + 4) << 32;
    }

    /** Adds the runs of set bits of {@code bitmap[0..bits)} as byte ranges: bit i is {@code [base + i*unit, +unit)}. */
    static void addSetBits(byte[] bitmap, long bits, long base, long unit, Extents.Builder out) {
        long i = 0;
        while (i < bits) {
            int bi = (int) (i >>> 3);
            if ((i & 7) == 0 && bitmap[bi] == 0 && i + 8 <= bits) {
                i += 8;
                continue;
            }
            if ((bitmap[bi] >> (i & 7) & 1) == 0) {
                i++;
                continue;
            }
            long runStart = i;
            while (i < bits && (bitmap[(int) (i >>> 3)] >> (i & 7) & 1) != 0) {
                i++;
            }
            out.add(base + runStart * unit, (i - runStart) * unit);
        }
    }
}
