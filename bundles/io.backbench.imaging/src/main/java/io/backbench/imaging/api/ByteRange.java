package io.backbench.imaging.api;

/** The bytes {@code [start, start + length)} of a device. */
public record ByteRange(long start, long length) {

    public ByteRange {
        if (start < 0 || length < 0) {
            throw new IllegalArgumentException("a byte range needs a start and length of 0 or more, not " + start + "+" + length);
        }
    }

    public long end() {
        return start + length;
    }

    @Override
    public String toString() {
        return start + "+" + length;
    }
}
