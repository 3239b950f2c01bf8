package io.backbench.repository.internal;

import java.io.IOException;
import java.security.MessageDigest;

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
            byte[] c = new byte[Zstd.maxCompressedLength(len)];
            int n = Zstd.compress(data, off, len, c, 0, level);
            if (n < len) {
                byte[] out = new byte[n + CryptoKey.OVERHEAD];
                key.sealInto(c, 0, n, out, 0);
                return new Sealed(out, len);
            }
        }
        return new Sealed(key.seal(data, off, len), 0);
    }

    /** Decrypts, decompresses and checks the hash of a blob read from its pack. */
    byte[] open(PackedBlob b, byte[] raw) throws RepositoryException {
        String what = b.type().jsonName() + " blob " + b.id().shortHex() + " in pack " + b.pack().shortHex();
        byte[] plain;
        try {
            plain = key.open(raw);
            if (b.compressed()) {
                plain = Zstd.decompress(plain, 0, plain.length, b.uncompressedLength());
            }
        } catch (IOException e) {
            throw new RepositoryException(what + " is damaged: " + e.getMessage(), e);
        }
        MessageDigest md = Id.sha256();
        md.update(plain);
        if (!Id.of(md.digest()).equals(b.id())) {
            throw new RepositoryException(what + " is damaged: its content does not match its id");
        }
        return plain;
    }
}
