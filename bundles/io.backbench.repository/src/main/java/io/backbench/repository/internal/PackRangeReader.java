package io.backbench.repository.internal;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository.BlobReceiver;
import io.backbench.repository.api.RepositoryException;

/**
 * Reads several blobs of one pack with one read of the range that covers them (or a few reads, when
 * they lie far apart: see {@link #MAX_GAP}), decrypts them in place and lends each plaintext to the
 * receiver (a restore reads pack by pack). Keeps a few range arrays for reuse. Thread-safe.
 */
final class PackRangeReader {
    /** As many as a restore has threads reading packs at once (two per processor, plus one). */
    private static final int RAW_BUFFERS_KEPT = 2 * Runtime.getRuntime().availableProcessors() + 1;
    /**
     * Blobs further apart than this are read with two reads: skipping what lies between costs a
     * request, reading it costs bytes; at 100 MB/s 1 MiB takes about what a request to a remote
     * target does. (A partial restore, or a restore test's sample, wants a few blobs of a pack.)
     */
    static final long MAX_GAP = 1 << 20;
    private static final int RAW_GRAIN = 4 << 20;

    private final Store store;
    private final BlobCodec blobs;
    /** Range arrays for reuse; guarded by itself. */
    private final ArrayDeque<byte[]> rawBuffers = new ArrayDeque<>();

    PackRangeReader(Store store, BlobCodec blobs) {
        this.store = store;
        this.blobs = blobs;
    }

    /** {@link io.backbench.repository.api.Repository#loadBlobs(List, boolean, BlobReceiver)}. */
    void load(List<PackedBlob> wanted, boolean checkIds, BlobReceiver receiver) throws IOException {
        if (wanted.isEmpty()) {
            return;
        }
        List<PackedBlob> sorted = new ArrayList<>(wanted);
        sorted.sort(Comparator.comparingLong(PackedBlob::offset));
        Id pack = sorted.get(0).pack();
        for (PackedBlob b : sorted) {
            if (!b.pack().equals(pack)) {
                throw new IllegalArgumentException("loadBlobs takes blobs of one pack, got " + pack.shortHex() + " and "
                        + b.pack().shortHex());
            }
        }
        byte[] raw = null;
        try {
            for (int first = 0; first < sorted.size(); ) {
                long from = sorted.get(first).offset();
                long to = from + sorted.get(first).length();
                int end = first + 1;
                while (end < sorted.size() && sorted.get(end).offset() - to <= MAX_GAP) {
                    to = Math.max(to, sorted.get(end).offset() + sorted.get(end).length());
                    end++;
                }
                if (to - from > Integer.MAX_VALUE - 16) {
                    throw new IllegalArgumentException("the blobs span more than 2 GiB of pack " + pack.shortHex());
                }
                if (raw == null || raw.length < to - from) {
                    if (raw != null) {
                        giveRaw(raw);
                    }
                    raw = takeRaw((int) (to - from));
                }
                store.readInto(Store.packKey(pack), from, (int) (to - from), raw);
                deliver(sorted.subList(first, end), from, raw, checkIds, receiver);
                first = end;
            }
        } finally {
            if (raw != null) {
                giveRaw(raw);
            }
        }
    }

    /**
     * An array for a pack range of {@link #load} (about 16 MiB): the blobs are only lent out of
     * it, so it serves the next call once this one is done. A few are kept, with this repository (a
     * receiver that loads blobs inside the call gets another one).
     */
    private byte[] takeRaw(int size) {
        synchronized (rawBuffers) {
            for (Iterator<byte[]> it = rawBuffers.iterator(); it.hasNext(); ) {
                byte[] b = it.next();
                if (b.length >= size) {
                    it.remove();
                    return b;
                }
            }
        }
        return new byte[rawSize(size)];
    }

    /**
     * {@code size} rounded up to a multiple of 4 MiB: a pack is 16 MiB and a bit, and arrays of the
     * exact size of each range served only ranges as long as theirs, so a restore kept allocating
     * 16 MiB arrays that the collector copied (pauses of 0.1-0.3 s).
     */
    static int rawSize(int size) {
        long rounded = ((long) size + RAW_GRAIN - 1) & -RAW_GRAIN;
        return (int) Math.min(Integer.MAX_VALUE - 16, Math.max(rounded, RAW_GRAIN));
    }

    private void giveRaw(byte[] b) {
        synchronized (rawBuffers) {
            if (rawBuffers.size() < RAW_BUFFERS_KEPT) {
                rawBuffers.push(b);
            }
        }
    }

    private void deliver(List<PackedBlob> sorted, long from, byte[] raw, boolean checkIds, BlobReceiver receiver)
            throws IOException {
        // blobs are decrypted in place in raw: one listed twice (same place, next to each other) is
        // decoded once, into an array of its own, and delivered from it each time (a receiver may
        // load blobs in between, which reuses the lent arrays)
        for (int i = 0; i < sorted.size(); ) {
            PackedBlob b = sorted.get(i);
            int same = i + 1;
            while (same < sorted.size() && sorted.get(same).offset() == b.offset() && sorted.get(same).length() == b.length()) {
                same++;
            }
            BlobCodec.Lent plain;
            try {
                plain = blobs.openLent(b, raw, (int) (b.offset() - from), b.length(), checkIds);
                if (same - i > 1) {
                    plain = new BlobCodec.Lent(Arrays.copyOfRange(plain.data(), plain.offset(), plain.offset() + plain.length()),
                            0, plain.length());
                }
            } catch (RepositoryException e) {
                for (; i < same; i++) {
                    receiver.damaged(sorted.get(i), e);
                }
                continue;
            }
            for (; i < same; i++) {
                receiver.acceptLent(sorted.get(i), plain.data(), plain.offset(), plain.length());
            }
        }
    }
}
