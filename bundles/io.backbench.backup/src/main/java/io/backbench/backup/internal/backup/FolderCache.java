package io.backbench.backup.internal.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.internal.scan.FsEntry;
import io.backbench.repository.api.Id;

/**
 * What the last backup of the same sources stored for each entry of each folder, kept on this
 * machine (as borg keeps a files cache): a fingerprint of the entry's {@code lstat}, and where its
 * node is in the folder's tree blob. An entry whose {@code lstat} fingerprints the same again gets
 * the same node (a file keeps its content, a folder its subtree unless something below changed).
 * So the next backup keeps a folder's tree as it was when nothing in it changed, without loading it;
 * and for a folder where something did, it copies the unchanged entries' nodes from the old tree's
 * bytes and encodes only the others. After a small change, decoding the parent's trees and
 * building, comparing and encoding a node for every entry were most of a backup's work: a folder of
 * 18 000 entries with one changed file was decoded, compared and encoded whole.
 *
 * <p>The fingerprint covers everything a node takes from {@code lstat} (type, mode, owner ids, size,
 * inode, device, link count, the three times, a device file's number) and whether the walk descends
 * into a folder; a symlink's target or an extended attribute cannot change without the ctime. Not
 * covered: the user and group names, looked up by id (a renamed user shows in the nodes of entries
 * that change, or in all with {@code --force}, which never reuses a node).
 *
 * <p>A cache belongs to one snapshot and is used only when the backup's parent is that snapshot, so
 * every blob its nodes name is in the repository as long as the parent is. It can always be rebuilt:
 * a file that is missing, unreadable, damaged (it ends with its own CRC-32C), of another format or
 * of another snapshot is ignored, and the backup compares with the parent's trees as before. Only
 * folders whose every entry was backed up are recorded. Thread-safe.
 */
final class FolderCache {
    private static final int MAGIC = 0x42424643; // "BBFC"
    /** 2: a CRC-32C at the end instead of a SHA-256 (which cost 0.07 s of a backup's start, not yet compiled). */
    private static final int FORMAT = 2;
    private static final int CHECK_SIZE = 4;
    static final int FINGERPRINT_SIZE = 16;

    /**
     * An entry as the last backup stored it: its {@code lstat}'s fingerprint, that of the part that
     * says whether a file's content changed (see {@link #contentFingerprint}), its node's JSON at
     * {@code [offset, offset + length)} of the folder's tree blob, and a folder's subtree.
     */
    record Entry(byte[] fingerprint, byte[] content, int offset, int length, Id subtree) {
    }

    /** A folder: its tree and its entries by name. */
    record Folder(Id tree, Map<String, Entry> entries) {
    }

    private final Id snapshot;
    private final Map<String, Folder> before;
    private final Map<String, Folder> now = new ConcurrentHashMap<>();

    private FolderCache(Id snapshot, Map<String, Folder> before) {
        this.snapshot = snapshot;
        this.before = before;
    }

    /** A cache that knows nothing yet (and records this run's folders). */
    static FolderCache empty() {
        return new FolderCache(null, Map.of());
    }

    /** This cache if it was written for {@code parent}, else an empty one. */
    FolderCache forParent(Id parent) {
        return parent != null && parent.equals(snapshot) ? this : empty();
    }

    /** The folder as the parent snapshot's backup left it, or null. {@code key} is the folder's path. */
    Folder before(String key) {
        return before.get(key);
    }

    /** Records what this run made of a folder. */
    void record(String key, Folder folder) {
        now.put(key, folder);
    }

    /** How many folders the parent's backup left. */
    int size() {
        return before.size();
    }

    /** The folders the parent's backup left, by key (for tests). */
    java.util.Set<String> keys() {
        return before.keySet();
    }

    /**
     * The cache file for these sources and filters in {@code dir}: a backup of other sources, on
     * another host or with other filters keeps a cache of its own.
     */
    static Path file(Path dir, String repositoryId, List<Path> sources, String host, BackupOptions o) {
        StringBuilder sb = new StringBuilder().append(FORMAT).append('\0').append(repositoryId).append('\0').append(host)
                .append('\0');
        sources.forEach(s -> sb.append(s).append('\0'));
        sb.append(o.excludes()).append('\0').append(o.excludeFiles()).append('\0').append(o.includes()).append('\0')
                .append(o.excludeCaches()).append(o.oneFileSystem()).append(o.maxFileSize()).append('/').append(o.minFileSize());
        return dir.resolve("folders-" + Id.hash(sb.toString().getBytes(StandardCharsets.UTF_8)).hex().substring(0, 32));
    }

    /** The cache in {@code file} (see {@link #forParent}); an empty one if there is none or it is damaged. */
    static FolderCache load(Path file) {
        try {
            byte[] all = Files.readAllBytes(file);
            int body = all.length - CHECK_SIZE;
            if (body < 12 + Id.SIZE || crc32c(all, body) != ByteBuffer.wrap(all).getInt(body)) {
                return empty();
            }
            ByteBuffer in = ByteBuffer.wrap(all, 0, body);
            if (in.getInt() != MAGIC || in.getInt() != FORMAT) {
                return empty();
            }
            Id snapshot = id(in);
            int folders = in.getInt();
            Map<String, Folder> out = new HashMap<>(folders * 4 / 3 + 16);
            for (int i = 0; i < folders; i++) {
                String key = string(in);
                Id tree = id(in);
                int n = in.getInt();
                Map<String, Entry> entries = new HashMap<>(n * 4 / 3 + 4);
                for (int j = 0; j < n; j++) {
                    String name = string(in);
                    byte[] fp = new byte[FINGERPRINT_SIZE];
                    in.get(fp);
                    byte[] content = new byte[FINGERPRINT_SIZE];
                    in.get(content);
                    Id subtree = in.get() == 0 ? null : id(in);
                    entries.put(name, new Entry(fp, content, in.getInt(), in.getInt(), subtree));
                }
                out.put(key, new Folder(tree, entries));
            }
            return in.hasRemaining() ? empty() : new FolderCache(snapshot, out);
        } catch (IOException | RuntimeException e) {
            return empty(); // no cache, or not one we can read: the backup compares with the parent's trees
        }
    }

    /** Writes this run's folders for {@code snapshot}, replacing the file at once (a reader sees the old one or the new one). */
    void save(Path file, Id snapshot) throws IOException {
        Out out = new Out(64 + now.size() * 96);
        out.buf.putInt(MAGIC).putInt(FORMAT).put(snapshot.bytes()).putInt(now.size());
        for (Map.Entry<String, Folder> f : now.entrySet()) {
            out.string(f.getKey());
            out.room(Id.SIZE + 4);
            out.buf.put(f.getValue().tree().bytes()).putInt(f.getValue().entries().size());
            for (Map.Entry<String, Entry> e : f.getValue().entries().entrySet()) {
                out.string(e.getKey());
                Entry en = e.getValue();
                out.room(2 * FINGERPRINT_SIZE + 1 + Id.SIZE + 8);
                out.buf.put(en.fingerprint()).put(en.content()).put((byte) (en.subtree() == null ? 0 : 1));
                if (en.subtree() != null) {
                    out.buf.put(en.subtree().bytes());
                }
                out.buf.putInt(en.offset()).putInt(en.length());
            }
        }
        out.room(CHECK_SIZE);
        out.buf.putInt(crc32c(out.buf.array(), out.buf.position()));
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                os.write(out.buf.array(), 0, out.buf.position());
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A growing buffer for {@link #save}. */
    private static final class Out {
        ByteBuffer buf;

        Out(int size) {
            buf = ByteBuffer.allocate(size);
        }

        void room(int n) {
            if (buf.remaining() < n) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n));
                bigger.put(buf.array(), 0, buf.position());
                buf = bigger;
            }
        }

        // names as their UTF-16 chars: a name in the repository's form may hold lone surrogates (bytes
        // that are not UTF-8), which UTF-8 would not keep apart
        void string(String s) {
            room(4 + 2 * s.length());
            buf.putInt(s.length());
            for (int i = 0; i < s.length(); i++) {
                buf.putChar(s.charAt(i));
            }
        }
    }

    /**
     * The fingerprint of an entry's {@code lstat}, and of whether the walk descends into it (a folder
     * the filters leave empty): 128 bits of two independent multiply-rotate hashes over the fields.
     * Not a cryptographic hash (nobody chooses lstat results to collide; a change in any field
     * changes both halves), and cheap: a backup takes one for every entry.
     */
    static byte[] fingerprint(FsEntry e, boolean descend) {
        Hash128 h = new Hash128();
        h.add(e.type().ordinal() | (descend ? 0x100 : 0) | ((long) e.mode() << 16));
        h.add(e.inode());
        h.add(e.dev());
        h.add(e.rdev());
        h.add(e.nlink());
        h.add(e.uid() << 32 | e.gid());
        h.add(e.size());
        time(h, e.mtime());
        time(h, e.atime());
        time(h, e.ctime());
        return h.bytes();
    }

    /**
     * The fingerprint of what decides whether a file's content changed (type, size, inode, mtime and
     * ctime, as the walk compares with an old node); for a folder, whether its extended attributes
     * may be taken from the old node (its inode and ctime). An entry whose {@link #fingerprint}
     * differs but this does not changed only in its metadata: its old node is needed.
     */
    static byte[] contentFingerprint(FsEntry e) {
        Hash128 h = new Hash128();
        h.add(e.type().ordinal());
        h.add(e.size());
        h.add(e.inode());
        time(h, e.mtime());
        time(h, e.ctime());
        return h.bytes();
    }

    private static void time(Hash128 h, Instant t) {
        if (t == null) {
            h.add(Long.MIN_VALUE);
            h.add(-1);
        } else {
            h.add(t.getEpochSecond());
            h.add(t.getNano());
        }
    }

    /** Two 64-bit lanes, each a multiply-rotate chain over the words, finished with MurmurHash3's fmix64. */
    private static final class Hash128 {
        private long a = 0x243f6a8885a308d3L;
        private long b = 0x13198a2e03707344L;
        private int n;

        void add(long v) {
            a = Long.rotateLeft(a ^ (v * 0x87c37b91114253d5L), 31) * 0x4cf5ad432745937fL;
            b = Long.rotateLeft(b ^ (v * 0x9e3779b97f4a7c15L), 27) * 0xc2b2ae3d27d4eb4fL + 0x52dce729;
            n++;
        }

        byte[] bytes() {
            long x = fmix(a ^ n);
            long y = fmix(b ^ x);
            return ByteBuffer.allocate(FINGERPRINT_SIZE).putLong(x).putLong(y).array();
        }

        private static long fmix(long k) {
            k ^= k >>> 33;
            k *= 0xff51afd7ed558ccdL;
            k ^= k >>> 33;
            k *= 0xc4ceb9fe1a85ec53L;
            return k ^ (k >>> 33);
        }
    }

    private static int crc32c(byte[] b, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, 0, len);
        return (int) crc.getValue();
    }

    private static Id id(ByteBuffer in) {
        byte[] b = new byte[Id.SIZE];
        in.get(b);
        return Id.of(b);
    }

    private static String string(ByteBuffer in) {
        char[] c = new char[in.getInt()];
        in.asCharBuffer().get(c);
        in.position(in.position() + 2 * c.length);
        return new String(c);
    }

}
