package io.backbench.imaging.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ByteRange;

/** Passes reads through to a real source and records every range read (a real decorator, not a fake). */
public final class RecordingSource implements BlockSource {
    private final BlockSource source;
    private final List<ByteRange> reads = new ArrayList<>();

    public RecordingSource(BlockSource source) {
        this.source = source;
    }

    @Override
    public long size() {
        return source.size();
    }

    @Override
    public int sectorSize() {
        return source.sectorSize();
    }

    @Override
    public String describe() {
        return source.describe();
    }

    @Override
    public void read(long offset, byte[] buf, int off, int length) throws IOException {
        source.read(offset, buf, off, length);
        synchronized (reads) {
            reads.add(new ByteRange(offset, length));
        }
    }

    public List<ByteRange> reads() {
        synchronized (reads) {
            return List.copyOf(reads);
        }
    }

    public long bytesRead() {
        return reads().stream().mapToLong(ByteRange::length).sum();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
