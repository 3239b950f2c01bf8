package io.backbench.repository.internal;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32C;

import io.backbench.repository.api.Id;

/**
 * The tree spans of a repository's packs (see {@link TreePacks}), each kept on this machine, as restic
 * keeps the tree packs in its cache folder: a listing, a restore's plan or a backup's parent read on
 * a later run then reads the trees from here, without a request to the target (on an object store,
 * a request per pack). Only a cache, as {@link IndexCache}: a copy that is missing, damaged (each
 * ends with a CRC-32C of the rest) or of another span is ignored and the span read from the
 * repository again; copies of packs the index no longer lists are deleted ({@link #retain}).
 * {@code check} never uses them (it reads the repository itself). Thread-safe.
 *
 * <p>Format: {@code "BBTS"}, format number, the pack's id, the span's start in the pack, its length,
 * its bytes, the CRC-32C of all of it; big-endian.
 */
final class TreeCopies {
    private static final int MAGIC = 0x42425453; // "BBTS"
    private static final int FORMAT = 1;
    private static final int HEADER = 4 + 4 + Id.SIZE + 8 + 4;

    private final CopyFolder copies;

    TreeCopies(Path dir) {
        this.copies = new CopyFolder(dir);
    }

    /** The folder for the repository with this id under a cache folder. */
    static Path folder(Path cacheRoot, String repositoryId) {
        return cacheRoot.resolve("trees").resolve(repositoryId);
    }

    boolean has(Id pack) {
        return copies.has(pack.hex());
    }

    /** The bytes {@code [start, start+length)} of {@code pack}; null if there is no good copy of that span. */
    byte[] read(Id pack, long start, int length) {
        byte[] all = copies.read(pack.hex());
        if (all == null || all.length != HEADER + length + 4) {
            return null;
        }
        CRC32C crc = new CRC32C();
        crc.update(all, 0, all.length - 4);
        ByteBuffer in = ByteBuffer.wrap(all);
        if (in.getInt(all.length - 4) != (int) crc.getValue() || in.getInt() != MAGIC || in.getInt() != FORMAT
                || !Id.of(all, in.position()).equals(pack)) {
            return null;
        }
        in.position(in.position() + Id.SIZE);
        if (in.getLong() != start || in.getInt() != length) {
            return null;
        }
        return Arrays.copyOfRange(all, HEADER, HEADER + length);
    }

    /** Keeps the span {@code bytes} of {@code pack}, which starts at {@code start}; one that cannot be written is left out. */
    void write(Id pack, long start, byte[] bytes) {
        byte[] out = new byte[HEADER + bytes.length + 4];
        ByteBuffer buf = ByteBuffer.wrap(out);
        buf.putInt(MAGIC).putInt(FORMAT);
        pack.writeTo(out, buf.position());
        buf.position(buf.position() + Id.SIZE);
        buf.putLong(start).putInt(bytes.length).put(bytes);
        CRC32C crc = new CRC32C();
        crc.update(out, 0, buf.position());
        buf.putInt((int) crc.getValue());
        copies.write(pack.hex(), out);
    }

    /** Deletes the copies of packs other than {@code packs} (those a prune removed); see {@link CopyFolder#retain}. */
    void retain(Collection<Id> packs) {
        Set<String> keep = new HashSet<>();
        packs.forEach(p -> keep.add(p.hex()));
        copies.retain(keep);
    }
}
