package io.backbench.imaging.testing;

import java.io.IOException;
import java.util.List;

import io.backbench.imaging.api.BlockSource;
import io.backbench.imaging.api.ByteRange;

/**
 * The one fake the tests allow: a real source whose reads fail, as a disk with bad sectors fails,
 * whenever they touch one of the given ranges (a real bad sector cannot be made on demand).
 */
public final class FaultySource implements BlockSource {
    private final BlockSource source;
    private final List<ByteRange> bad;

    public FaultySource(BlockSource source, List<ByteRange> bad) {
        this.source = source;
        this.bad = List.copyOf(bad);
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
        for (ByteRange b : bad) {
            if (offset < b.end() && b.start() < offset + length) {
                throw new IOException("Input/output error");
            }
        }
        source.read(offset, buf, off, length);
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
