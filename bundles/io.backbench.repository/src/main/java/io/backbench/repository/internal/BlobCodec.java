package io.backbench.repository.internal;

import java.io.IOException;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Compression;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * A blob's way into and out of a pack: zstd (format 2: trees always, data unless compression is off;
 * kept only when smaller), then encryption. Runs on the caller's thread; thread-safe.
 */
final class BlobCodec {
    static final int LEVEL_AUTO = 3;
    static final int LEVEL_MAX = 19;

    record Sealed(byte[] bytes, int uncompressedLength) {
    }

    /** Per thread, the compressor's output buffer: a new 8 MiB array per blob costs more to zero than to fill. */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1][]);

    private final CryptoKey key;
    private final int version;
    private final Compression compression;

    BlobCodec(CryptoKey key, int version, Compression compression) {
        this.key = key;
        this.version = version;
        this.compression = compression;
    }

    Sealed seal(BlobType type, byte[] data, int off, int len) {
        boolean compress = version >= 2 && len > 0 && (type == BlobType.TREE || compression != Compression.OFF);
        if (compress) {
            int level = compression == Compression.MAX ? LEVEL_MAX : LEVEL_AUTO;
            byte[] c = scratch(Zstd.maxCompressedLength(len));
            int n = Zstd.compress(data, off, len, c, 0, level);
            if (n < len) {
                byte[] out = new byte[n + CryptoKey.OVERHEAD];
                key.sealInto(c, 0, n, out, 0);
                return new Sealed(out, len);
            }
        }
        return new Sealed(key.seal(data, off, len), 0);
    }

    private static byte[] scratch(int size) {
        byte[][] holder = SCRATCH.get();
        if (holder[0] == null || holder[0].length < size) {
            holder[0] = new byte[Math.max(size, 64 << 10)];
        }
        return holder[0];
    }

    /** Decrypts, decompresses and checks the hash of a blob read from its pack. */
    byte[] open(PackedBlob b, byte[] raw) throws RepositoryException {
        return open(b, raw, 0, raw.length, true);
    }

    /** As {@link #open(PackedBlob, byte[])} for the blob at {@code raw[off..off+len)}. */
    byte[] open(PackedBlob b, byte[] raw, int off, int len) throws RepositoryException {
        return open(b, raw, off, len, true);
    }

    /**
     * As {@link #open(PackedBlob, byte[], int, int)}; without {@code checkId} the SHA-256 is skipped
     * (the MAC, checked first, still authenticates the bytes; see Repository#loadBlob(.., boolean)).
     */
    byte[] open(PackedBlob b, byte[] raw, int off, int len, boolean checkId) throws RepositoryException {
        String what = b.type().jsonName() + " blob " + b.id().shortHex() + " in pack " + b.pack().shortHex();
        byte[] plain;
        try {
            plain = key.open(raw, off, len);
            if (b.compressed()) {
                plain = Zstd.decompress(plain, 0, plain.length, b.uncompressedLength());
            }
        } catch (IOException e) {
            throw new RepositoryException(what + " is damaged: " + e.getMessage(), e);
        }
        if (checkId && !Id.hash(plain, 0, plain.length).equals(b.id())) {
            throw new RepositoryException(what + " is damaged: its content does not match its id");
        }
        return plain;
    }
}
