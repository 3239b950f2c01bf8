package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.List;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/**
 * Reads a pack's encrypted header (at its end, followed by the header's length as 4 little-endian
 * bytes) into the blobs it lists, with offsets counted from the pack's start. Thread-safe.
 */
final class PackHeader {
    /** restic refuses headers beyond this; so do we (a damaged length must not make us read gigabytes). */
    static final int MAX_HEADER = 16 << 20;

    private PackHeader() {
    }

    /** The size a pack has when it holds {@code blobs} (restic's check compares it with the file). */
    static long expectedSize(List<PackedBlob> blobs) {
        long size = 4 + CryptoKey.OVERHEAD;
        for (PackedBlob b : blobs) {
            size += b.length() + (b.compressed() ? Packer.ENTRY_COMPRESSED : Packer.ENTRY);
        }
        return size;
    }

    /**
     * Reads the header of {@code pack} ({@code size} bytes on the target) with one ranged read when
     * {@code entriesHint} entries fit, else two.
     */
    static List<PackedBlob> read(Store store, CryptoKey key, Id pack, long size, int entriesHint) throws RepositoryException {
        String name = "pack " + pack.shortHex();
        if (size < 4 + CryptoKey.OVERHEAD) {
            throw new RepositoryException(name + " is too short (" + size + " bytes) to hold a header");
        }
        int guess = (int) Math.min(size, 4 + CryptoKey.OVERHEAD + (long) Math.max(entriesHint, 16) * Packer.ENTRY_COMPRESSED);
        byte[] tail = store.read(Store.packKey(pack), size - guess, guess);
        int headerLen = Packer.getInt(tail, tail.length - 4);
        if (headerLen < CryptoKey.OVERHEAD || headerLen > MAX_HEADER || headerLen > size - 4) {
            throw new RepositoryException(name + " has an impossible header length " + Integer.toUnsignedString(headerLen)
                    + " (the pack is " + size + " bytes)");
        }
        byte[] header;
        if (headerLen + 4 <= tail.length) {
            header = key.open(tail, tail.length - 4 - headerLen, headerLen);
        } else {
            header = key.open(store.read(Store.packKey(pack), size - 4 - headerLen, headerLen));
        }
        return parse(pack, header, size - 4 - headerLen);
    }

    /** Parses the whole pack held in memory (check --read-data). */
    static List<PackedBlob> parseWhole(Id pack, byte[] bytes, CryptoKey key) throws RepositoryException {
        String name = "pack " + pack.shortHex();
        if (bytes.length < 4 + CryptoKey.OVERHEAD) {
            throw new RepositoryException(name + " is too short (" + bytes.length + " bytes) to hold a header");
        }
        int headerLen = Packer.getInt(bytes, bytes.length - 4);
        if (headerLen < CryptoKey.OVERHEAD || headerLen > bytes.length - 4) {
            throw new RepositoryException(name + " has an impossible header length " + Integer.toUnsignedString(headerLen));
        }
        try {
            byte[] header = key.open(bytes, bytes.length - 4 - headerLen, headerLen);
            return parse(pack, header, bytes.length - 4 - headerLen);
        } catch (RepositoryException e) {
            throw new RepositoryException(name + ": header damaged: " + e.getMessage(), e);
        }
    }

    private static List<PackedBlob> parse(Id pack, byte[] h, long blobsEnd) throws RepositoryException {
        List<PackedBlob> out = new ArrayList<>();
        long offset = 0;
        int p = 0;
        while (p < h.length) {
            int type = h[p] & 0xff;
            boolean compressed = (type & 2) != 0;
            int entry = compressed ? Packer.ENTRY_COMPRESSED : Packer.ENTRY;
            if (type > 3 || p + entry > h.length) {
                throw new RepositoryException("pack " + pack.shortHex() + ": header entry " + out.size() + " is invalid");
            }
            int length = Packer.getInt(h, p + 1);
            int uncompressed = compressed ? Packer.getInt(h, p + 5) : 0;
            Id id = Id.of(h, p + entry - Id.SIZE);
            out.add(new PackedBlob(id, (type & 1) == 0 ? BlobType.DATA : BlobType.TREE, pack, offset, length, uncompressed));
            offset += Integer.toUnsignedLong(length);
            p += entry;
        }
        if (offset != blobsEnd) {
            throw new RepositoryException("pack " + pack.shortHex() + ": header lists " + offset + " bytes of blobs, the pack holds "
                    + blobsEnd);
        }
        return out;
    }
}
