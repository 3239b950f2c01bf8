package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;

/**
 * One pack being filled: encrypted blobs back to back, then (at {@link #finish}) the encrypted header
 * and its 4-byte little-endian length. Not thread-safe; the caller serialises.
 */
final class Packer {
    /** An entry's plaintext header size: type, encrypted length, (uncompressed length,) id. */
    static final int ENTRY = 1 + 4 + 32;
    static final int ENTRY_COMPRESSED = 1 + 4 + 4 + 32;

    record Entry(BlobType type, Id id, long offset, int length, int uncompressedLength) {
    }

    private byte[] buf;
    private int size;
    private final List<Entry> entries = new ArrayList<>();

    /** A packer filling {@code buffer} from its start (it grows a copy when a blob does not fit). */
    Packer(byte[] buffer) {
        buf = buffer;
    }

    /** Copies {@code encrypted[0..length)} in. */
    void add(BlobType type, Id id, byte[] encrypted, int length, int uncompressedLength) {
        ensure(length);
        System.arraycopy(encrypted, 0, buf, size, length);
        entries.add(new Entry(type, id, size, length, uncompressedLength));
        size += length;
    }

    /** The array the pack is in (the one given, unless it had to grow). */
    byte[] buffer() {
        return buf;
    }

    int size() {
        return size;
    }

    int count() {
        return entries.size();
    }

    List<Entry> entries() {
        return entries;
    }

    /** Appends the encrypted header and its length; returns the pack's bytes (array, valid length). */
    byte[] finish(CryptoKey key) {
        int headerLen = 0;
        for (Entry e : entries) {
            headerLen += e.uncompressedLength != 0 ? ENTRY_COMPRESSED : ENTRY;
        }
        byte[] header = new byte[headerLen];
        int p = 0;
        for (Entry e : entries) {
            boolean compressed = e.uncompressedLength != 0;
            int type = (e.type == BlobType.DATA ? 0 : 1) | (compressed ? 2 : 0);
            header[p++] = (byte) type;
            p = putInt(header, p, e.length);
            if (compressed) {
                p = putInt(header, p, e.uncompressedLength);
            }
            e.id.writeTo(header, p);
            p += 32;
        }
        int sealedLen = headerLen + CryptoKey.OVERHEAD;
        ensure(sealedLen + 4);
        key.sealInto(header, 0, headerLen, buf, size);
        size += sealedLen;
        putInt(buf, size, sealedLen);
        size += 4;
        return buf;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    static int putInt(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
        return p + 4;
    }

    static int getInt(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }
}
