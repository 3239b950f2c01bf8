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
    static final int LEVEL_MAX = 19;

    /**
     * A sealed blob: {@code bytes[0..length)}, in an array of the sealing thread that its next
     * {@link #seal} overwrites; copy it before sealing again.
     */
    record Sealed(byte[] bytes, int length, int uncompressedLength) {
    }

    /**
     * Per thread, the compressor's and the cipher's output buffers, and the decompressor's (apart, so
     * that a receiver of lent blobs may save blobs while it holds one). A backup seals about one blob per
     * MiB read: a new array for each (zeroed, then copied by the serial collector while it waited in
     * the pack queue) cost more CPU than filling it (a full backup spent 3.8 s in collector pauses).
     */
    private static final ThreadLocal<byte[][]> SCRATCH = ThreadLocal.withInitial(() -> new byte[3][]);

    private final CryptoKey key;
    private final int version;
    private final Compression compression;

    BlobCodec(CryptoKey key, int version, Compression compression) {
        this.key = key;
        this.version = version;
        this.compression = compression;
    }

    /** As {@link #seal(BlobType, byte[], int, int, int)} at {@link Compression#AUTO_LEVEL}. */
    Sealed seal(BlobType type, byte[] data, int off, int len) {
        return seal(type, data, off, len, Compression.AUTO_LEVEL);
    }

    /**
     * Compresses (when it pays) and encrypts into this thread's buffer; see {@link Sealed}. zstd runs
     * at level 19 under compression max, else at {@code autoLevel} (trees are compressed under off too).
     */
    Sealed seal(BlobType type, byte[] data, int off, int len, int autoLevel) {
        byte[][] scratch = SCRATCH.get();
        boolean compress = version >= 2 && len > 0 && (type == BlobType.TREE || compression != Compression.OFF);
        if (compress) {
            int level = compression == Compression.MAX ? LEVEL_MAX : autoLevel;
            byte[] c = scratch(scratch, 0, Zstd.maxCompressedLength(len));
            int n = Zstd.compress(data, off, len, c, 0, level);
            if (n < len) {
                byte[] out = scratch(scratch, 1, n + CryptoKey.OVERHEAD);
                key.sealInto(c, 0, n, out, 0);
                return new Sealed(out, n + CryptoKey.OVERHEAD, len);
            }
        }
        byte[] out = scratch(scratch, 1, len + CryptoKey.OVERHEAD);
        key.sealInto(data, off, len, out, 0);
        return new Sealed(out, len + CryptoKey.OVERHEAD, 0);
    }

    /**
     * This thread's buffer {@code which}, grown to at least {@code size}: to the power of two above it
     * up to 1 MiB, then to whole MiB, so that it grows a few times rather than for every larger blob.
     */
    private static byte[] scratch(byte[][] holder, int which, int size) {
        if (holder[which] == null || holder[which].length < size) {
            long rounded = size <= 64 << 10 ? 64 << 10
                    : size <= 1 << 20 ? Integer.highestOneBit(size - 1) << 1
                    : ((long) size + (1 << 20) - 1) & -(1L << 20);
            holder[which] = new byte[(int) Math.min(rounded, Integer.MAX_VALUE - 8)];
        }
        return holder[which];
    }

    /** A blob's plaintext, {@code data[offset..offset+length)}, in an array that is only lent (see {@link #openLent}). */
    record Lent(byte[] data, int offset, int length) {
    }

    /**
     * As {@link #open(PackedBlob, byte[], int, int, boolean)} without a new array per blob: decrypts
     * over the ciphertext in {@code raw}, and decompresses into this thread's buffer, which the
     * thread's next call overwrites (a restore of 2 GiB made 4 GiB of garbage in arrays the collector copied).
     */
    Lent openLent(PackedBlob b, byte[] raw, int off, int len, boolean checkId) throws RepositoryException {
        Lent plain;
        try {
            int n = key.openInPlace(raw, off, len);
            if (b.compressed()) {
                byte[] out = scratch(SCRATCH.get(), 2, b.uncompressedLength());
                Zstd.decompress(raw, off + CryptoKey.IV_SIZE, n, out, b.uncompressedLength());
                plain = new Lent(out, 0, b.uncompressedLength());
            } else {
                plain = new Lent(raw, off + CryptoKey.IV_SIZE, n);
            }
        } catch (IOException e) {
            throw damaged(b, e.getMessage(), e);
        }
        if (checkId && !Id.hash(plain.data(), plain.offset(), plain.length()).equals(b.id())) {
            throw damaged(b, "its content does not match its id", null);
        }
        return plain;
    }

    private static RepositoryException damaged(PackedBlob b, String why, Exception cause) {
        String what = b.type().jsonName() + " blob " + b.id().shortHex() + " in pack " + b.pack().shortHex();
        return new RepositoryException(what + " is damaged: " + why, cause);
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
        byte[] plain;
        try {
            plain = key.open(raw, off, len);
            if (b.compressed()) {
                plain = Zstd.decompress(plain, 0, plain.length, b.uncompressedLength());
            }
        } catch (IOException e) {
            throw damaged(b, e.getMessage(), e);
        }
        if (checkId && !Id.hash(plain, 0, plain.length).equals(b.id())) {
            throw damaged(b, "its content does not match its id", null);
        }
        return plain;
    }
}
