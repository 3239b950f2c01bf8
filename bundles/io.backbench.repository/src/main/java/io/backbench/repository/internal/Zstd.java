package io.backbench.repository.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStream;

/**
 * zstd through zstd-jni; the only class that names it. Contexts are per thread (each holds native
 * memory and is reused for every call on that thread), so any thread may call any method.
 */
final class Zstd {
    private static final ThreadLocal<ZstdCompressCtx[]> COMPRESSORS = ThreadLocal.withInitial(() -> new ZstdCompressCtx[23]);
    private static final ThreadLocal<ZstdDecompressCtx> DECOMPRESSOR = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    private Zstd() {
    }

    static int maxCompressedLength(int len) {
        return (int) com.github.luben.zstd.Zstd.compressBound(len);
    }

    /** Compresses into {@code dst[dstOff..]}, which must hold {@link #maxCompressedLength}; returns the length. */
    static int compress(byte[] src, int off, int len, byte[] dst, int dstOff, int level) {
        ZstdCompressCtx[] byLevel = COMPRESSORS.get();
        ZstdCompressCtx ctx = byLevel[level];
        if (ctx == null) {
            ctx = new ZstdCompressCtx();
            ctx.setLevel(level);
            ctx.setContentSize(true);
            ctx.setChecksum(false);
            byLevel[level] = ctx;
        }
        return ctx.compressByteArray(dst, dstOff, dst.length - dstOff, src, off, len);
    }

    static byte[] compress(byte[] src, int off, int len, int level) {
        byte[] dst = new byte[maxCompressedLength(len)];
        int n = compress(src, off, len, dst, 0, level);
        return Arrays.copyOf(dst, n);
    }

    /** Decompresses a frame whose plaintext length is known (a pack's blob); wrong length is an error. */
    static byte[] decompress(byte[] src, int off, int len, int expectedLength) throws IOException {
        byte[] out = new byte[expectedLength];
        decompress(src, off, len, out, expectedLength);
        return out;
    }

    /** As {@link #decompress(byte[], int, int, int)}, into {@code out[0..expectedLength)}. */
    static void decompress(byte[] src, int off, int len, byte[] out, int expectedLength) throws IOException {
        int n;
        try {
            n = DECOMPRESSOR.get().decompressByteArray(out, 0, expectedLength, src, off, len);
        } catch (ZstdException e) {
            throw new IOException("zstd data is corrupt: " + e.getMessage(), e);
        }
        if (n != expectedLength) {
            throw new IOException("zstd data decompressed to " + n + " bytes, expected " + expectedLength);
        }
    }

    /** Decompresses one or more frames of unknown plaintext length (index, snapshot, lock files). */
    static byte[] decompress(byte[] src, int off, int len) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, len * 4));
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(src, off, len))) {
            in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            throw new IOException("zstd data is corrupt: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
