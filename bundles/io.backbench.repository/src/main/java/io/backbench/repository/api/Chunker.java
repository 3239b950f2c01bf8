package io.backbench.repository.api;

/**
 * restic's content-defined chunker (Rabin fingerprint over a 64-byte window with the repository's
 * polynomial; chunks of 512 KiB to 8 MiB, cut where the low 20 bits of the fingerprint are zero).
 * Cutting with the same polynomial as restic makes both deduplicate against each other.
 *
 * <p>Feed a file's bytes in order, in buffers of any size; {@link #next} says where the current chunk
 * ends. A new file starts with {@link #reset()}. One instance per thread.
 */
public interface Chunker {
    /** The smallest chunk (except a file's last). */
    int MIN_SIZE = 512 * 1024;
    /** The largest chunk. */
    int MAX_SIZE = 8 * 1024 * 1024;

    /**
     * Scans {@code buf[off..off+len)} as the continuation of the current chunk. Returns the number of
     * bytes from {@code off} that complete the chunk (the chunker then starts a new one), or -1 if
     * the chunk goes on past this buffer (all {@code len} bytes belong to it). At the end of a file,
     * whatever remains is the last chunk.
     */
    int next(byte[] buf, int off, int len);

    /** Forgets the current chunk; the next byte starts a new one. */
    void reset();
}
