package io.backbench.imaging.internal.source;

import java.io.IOException;

import io.backbench.imaging.api.BlockSource;

/** A window of another source: one partition of a disk. Closing it leaves the parent open. */
public final class SliceBlockSource implements BlockSource {
    private final BlockSource parent;
    private final long offset;
    private final long size;
    private final String name;

    public SliceBlockSource(BlockSource parent, long offset, long size, String name) {
        if (offset < 0 || size < 0 || offset + size > parent.size()) {
            throw new IllegalArgumentException("the window " + offset + "+" + size + " does not lie inside " + parent.describe()
                    + " (" + parent.size() + " bytes)");
        }
        this.parent = parent;
        this.offset = offset;
        this.size = size;
        this.name = name;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public int sectorSize() {
        return parent.sectorSize();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void read(long at, byte[] buf, int off, int length) throws IOException {
        if (at < 0 || at + length > size) {
            throw new IOException("read of " + length + " bytes at " + at + " lies outside " + name + " (" + size + " bytes)");
        }
        parent.read(offset + at, buf, off, length);
    }
}
