package io.backbench.discovery.internal.source;

import java.io.IOException;

/** A window [offset, offset + size) of another source, e.g. one partition of a disk. */
final class SliceSource implements BlockSource {
    private final BlockSource parent;
    private final long offset;
    private final long size;

    SliceSource(BlockSource parent, long offset, long size) {
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("slice offset " + offset + " and size " + size + " must not be negative");
        }
        this.parent = parent;
        this.offset = offset;
        this.size = size;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public byte[] read(long at, int length) throws IOException {
        if (at < 0 || at >= size || length <= 0) {
            return new byte[0];
        }
        int n = (int) Math.min(length, size - at);
        return parent.read(offset + at, n);
    }
}
