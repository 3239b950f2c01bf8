package io.backbench.repository.api;

import java.util.List;

/**
 * An open repository in restic's format version 2, unlocked with one key.
 *
 * <h2>Writing</h2>
 * Blobs are deduplicated by id (SHA-256 of the plaintext) against the index and against blobs saved
 * earlier in this session, compressed, encrypted one by one and gathered into packs of about
 * {@link RepositoryOptions#packSize()} bytes, data and trees apart. A full pack is uploaded at once;
 * {@link #flush()} uploads the rest and then writes an index file for every pack uploaded since the
 * last flush. {@link #saveSnapshot} flushes first. So the order is always packs, index, snapshot, and
 * a crash leaves only unreferenced data that a later session's blobs may reuse once indexed. While
 * saving, finished packs are indexed every few packs (4 at first, more as the session grows) without
 * finishing open ones, so a killed session's uploads are mostly known to the next session.
 * {@code saveBlob} copies what it keeps: the caller may reuse its array as soon as the call returns.
 *
 * <h2>Threads</h2>
 * {@code saveBlob}, {@code loadBlob}, {@code hasBlob} and the tree methods may be called from many
 * threads at once (compression, encryption and hashing happen on the caller's thread). {@code flush},
 * {@code saveSnapshot}, key and lock methods may run beside them.
 *
 * <h2>The index</h2>
 * The index files are read on other threads from {@code open} on, so that what a command does next
 * (find its snapshot, take the lock) overlaps the reading. Whatever needs the
 * index waits for it. If an index file cannot be read, open still succeeds (snapshots can be listed),
 * and whatever needs the index fails with that file's error: {@link #lock}, the
 * blob and tree methods and {@link #reloadIndex} with a {@link RepositoryException}, {@link #hasBlob}
 * and the {@link #index()}'s queries with an {@link java.io.UncheckedIOException} around it.
 *
 * <h2>Locks</h2>
 * Reading and writing blobs takes no lock by itself; a command takes {@link #lock} around its work
 * (shared for backup, exclusive for prune), as restic does. Key removal and password change take an
 * exclusive lock themselves.
 */
public interface Repository extends AutoCloseable {

    RepositoryConfig config();

    /** The storage target's description, for messages. */
    String describe();

    /** A new chunker with this repository's polynomial. */
    Chunker newChunker();

    /** Saves a blob unless one with the same id exists; returns its id. */
    Id saveBlob(BlobType type, byte[] data, int off, int len) throws RepositoryException;

    /**
     * Saves a blob whose id the caller computed (a pipeline hashes once); returns whether it was new.
     * The id must be the SHA-256 of the bytes: it is not computed again, and a wrong one makes the
     * blob unreadable (loading verifies the hash and fails).
     */
    boolean saveBlob(BlobType type, Id id, byte[] data, int off, int len) throws RepositoryException;

    /**
     * As {@link #saveBlob(BlobType, Id, byte[], int, int)}, with the zstd level that compression
     * {@link Compression#AUTO} uses for this blob ({@link Compression#AUTO_LEVEL} otherwise); the
     * session's {@code OFF} and {@code MAX} are not affected. For a writer that knows its data and
     * whom its repository is compared with: the file backup stores its chunks at level 2, as large as
     * restic's auto mode makes them, at a fifth less CPU than level 3. An implementation that does not
     * override this stores the blob as the five-argument form does.
     *
     * @param autoLevel a zstd level, 1 to 19
     */
    default boolean saveBlob(BlobType type, Id id, byte[] data, int off, int len, int autoLevel) throws RepositoryException {
        return saveBlob(type, id, data, off, len);
    }

    /** Whether the index or this session's unflushed packs hold the blob. */
    boolean hasBlob(BlobType type, Id id);

    /** Reads, verifies (SHA-256) and returns a blob's plaintext. */
    byte[] loadBlob(BlobType type, Id id) throws RepositoryException;

    /**
     * As {@link #loadBlob(BlobType, Id)}; with {@code checkId} false the plaintext's SHA-256 is not
     * computed again. The blob is still authenticated: its Poly1305 MAC proves that the bytes are
     * what a holder of the key stored, so damage and tampering fail as before; only a blob that a
     * faulty writer stored under a wrong id goes unnoticed (check with read-data finds it). For bulk
     * reads such as restores, where the hash would cost as much as the decryption.
     */
    default byte[] loadBlob(BlobType type, Id id, boolean checkId) throws RepositoryException {
        return loadBlob(type, id);
    }

    /**
     * Receives the blobs of {@link #loadBlobs}, one call per blob, in offset order, on the calling
     * thread. The array is the blob's plaintext and belongs to the receiver.
     */
    @FunctionalInterface
    interface BlobReceiver {
        void accept(PackedBlob blob, byte[] plaintext) throws java.io.IOException;

        /**
         * The blob's plaintext {@code data[offset..offset+length)} in an array only lent for this
         * call: {@link #loadBlobs} reuses it for the next blob (and so may any other loading of
         * blobs on this thread during the call). {@link #loadBlobs} calls this one; by
         * default it hands a copy to {@link #accept(PackedBlob, byte[])}. A receiver that is done with
         * the bytes when it returns (a restore that writes them out) overrides it and spares an array
         * per blob.
         */
        default void acceptLent(PackedBlob blob, byte[] data, int offset, int length) throws java.io.IOException {
            accept(blob, java.util.Arrays.copyOfRange(data, offset, offset + length));
        }

        /** A blob that cannot be decrypted or does not match its id; by default the reading stops with it. */
        default void damaged(PackedBlob blob, RepositoryException problem) throws java.io.IOException {
            throw problem;
        }
    }

    /**
     * Reads, verifies (SHA-256) and hands over several blobs that live in the same pack, reading the
     * pack's range that covers them once instead of once per blob (a restore reads pack by pack).
     * {@code blobs} must all name the same pack; a blob listed twice is delivered twice. A damaged
     * blob goes to {@link BlobReceiver#damaged} and the others are still delivered. An
     * {@link java.io.IOException} of the receiver stops the reading and is thrown as it is.
     */
    default void loadBlobs(List<PackedBlob> blobs, BlobReceiver receiver) throws java.io.IOException {
        loadBlobs(blobs, true, receiver);
    }

    /**
     * As {@link #loadBlobs(List, BlobReceiver)}; with {@code checkIds} false the plaintexts' SHA-256
     * is not computed again (see {@link #loadBlob(BlobType, Id, boolean)}: the MAC still
     * authenticates every blob).
     */
    default void loadBlobs(List<PackedBlob> blobs, boolean checkIds, BlobReceiver receiver) throws java.io.IOException {
        for (PackedBlob b : blobs) {
            byte[] plain;
            try {
                plain = loadBlob(b.type(), b.id(), checkIds);
            } catch (RepositoryException e) {
                receiver.damaged(b, e);
                continue;
            }
            receiver.accept(b, plain);
        }
    }

    Id saveTree(Tree tree) throws RepositoryException;

    Tree loadTree(Id id) throws RepositoryException;

    /** Uploads open packs, then writes index files for the packs uploaded since the last flush. */
    void flush() throws RepositoryException;

    /** Flushes, then stores the snapshot; returns the snapshot file's id. */
    Id saveSnapshot(Snapshot snapshot) throws RepositoryException;

    /** The ids of all snapshot files. */
    List<Id> listSnapshots() throws RepositoryException;

    Snapshot loadSnapshot(Id id) throws RepositoryException;

    /** All snapshots, oldest first. */
    List<StoredSnapshot> snapshots() throws RepositoryException;

    /** The index as read at open (or at {@link #reloadIndex()}), plus what this session flushed; see "The index" above. */
    BlobIndex index();

    /** Reads every index file again (another process may have added some). */
    void reloadIndex() throws RepositoryException;

    /** Creates a lock file after checking for conflicting ones (stale locks are ignored). */
    RepositoryLock lock(boolean exclusive) throws RepositoryException;

    /** The key files; the one this session opened with is {@code current}. */
    List<KeyInfo> keys() throws RepositoryException;

    /** Adds a key file for another password to the same master key; returns its id. */
    Id addKey(char[] password) throws RepositoryException;

    /** Removes a key file; the current key cannot be removed. */
    void removeKey(Id id) throws RepositoryException;

    /** Replaces the current key with one for {@code newPassword}; returns the new key's id. */
    Id changePassword(char[] newPassword) throws RepositoryException;

    /** Flushes what was saved, releases this session's locks. Does not close the storage target. */
    @Override
    void close() throws RepositoryException;
}
