package io.backbench.imaging.internal.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.backbench.imaging.api.ByteRange;

/**
 * A set of byte ranges: sorted, disjoint and not touching (adjacent ranges are merged). Immutable;
 * build one with {@link Builder}, which takes ranges in any order.
 */
public final class Extents {
    public static final Extents EMPTY = new Extents(new long[0], new long[0]);

    private final long[] starts;
    private final long[] ends;

    private Extents(long[] starts, long[] ends) {
        this.starts = starts;
        this.ends = ends;
    }

    public static Extents of(long start, long length) {
        return length <= 0 ? EMPTY : new Extents(new long[] {start}, new long[] {start + length});
    }

    public static Extents of(List<ByteRange> ranges) {
        Builder b = new Builder();
        for (ByteRange r : ranges) {
            b.add(r.start(), r.length());
        }
        return b.build();
    }

    public int count() {
        return starts.length;
    }

    public long start(int i) {
        return starts[i];
    }

    public long end(int i) {
        return ends[i];
    }

    public boolean isEmpty() {
        return starts.length == 0;
    }

    /** Bytes covered. */
    public long total() {
        long t = 0;
        for (int i = 0; i < starts.length; i++) {
            t += ends[i] - starts[i];
        }
        return t;
    }

    /** The first range index whose end lies after {@code pos}. */
    public int indexAfter(long pos) {
        int lo = 0;
        int hi = starts.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The part of this set inside {@code [from, to)}. */
    public Extents clip(long from, long to) {
        Builder b = new Builder();
        for (int i = indexAfter(from); i < starts.length && starts[i] < to; i++) {
            long s = Math.max(starts[i], from);
            long e = Math.min(ends[i], to);
            b.add(s, e - s);
        }
        return b.build();
    }

    /** Bytes of this set inside {@code [from, to)}. */
    public long totalIn(long from, long to) {
        long t = 0;
        for (int i = indexAfter(from); i < starts.length && starts[i] < to; i++) {
            t += Math.min(ends[i], to) - Math.max(starts[i], from);
        }
        return t;
    }

    /** Whether any byte of {@code [from, to)} is in this set. */
    public boolean intersects(long from, long to) {
        int i = indexAfter(from);
        return i < starts.length && starts[i] < to;
    }

    /** This set moved by {@code delta} bytes. */
    public Extents shift(long delta) {
        long[] s = starts.clone();
        long[] e = ends.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += delta;
            e[i] += delta;
        }
        return new Extents(s, e);
    }

    public Extents union(Extents other) {
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    /** The bytes in both sets. */
    public Extents intersect(Extents other) {
        Builder b = new Builder();
        int i = 0;
        int j = 0;
        while (i < starts.length && j < other.starts.length) {
            long s = Math.max(starts[i], other.starts[j]);
            long e = Math.min(ends[i], other.ends[j]);
            if (s < e) {
                b.add(s, e - s);
            }
            if (ends[i] < other.ends[j]) {
                i++;
            } else {
                j++;
            }
        }
        return b.build();
    }

    /** Whether every byte of {@code other} is in this set. */
    public boolean covers(Extents other) {
        for (int k = 0; k < other.starts.length; k++) {
            int i = indexAfter(other.starts[k]);
            if (i >= starts.length || starts[i] > other.starts[k] || ends[i] < other.ends[k]) {
                return false;
            }
        }
        return true;
    }

    /** {@code [from, to)} without this set. */
    public Extents complement(long from, long to) {
        Builder b = new Builder();
        long pos = from;
        for (int i = indexAfter(from); i < starts.length && starts[i] < to; i++) {
            if (starts[i] > pos) {
                b.add(pos, starts[i] - pos);
            }
            pos = Math.max(pos, ends[i]);
        }
        if (pos < to) {
            b.add(pos, to - pos);
        }
        return b.build();
    }

    public List<ByteRange> ranges() {
        List<ByteRange> out = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            out.add(new ByteRange(starts[i], ends[i] - starts[i]));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extents x && Arrays.equals(starts, x.starts) && Arrays.equals(ends, x.ends);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts) * 31 + Arrays.hashCode(ends);
    }

    @Override
    public String toString() {
        return ranges().toString();
    }

    /** Collects ranges in any order; most callers add them in order, which is cheap. Not thread-safe. */
    public static final class Builder {
        private long[] s = new long[16];
        private long[] e = new long[16];
        private int n;
        private boolean sorted = true;

        public Builder add(long start, long length) {
            if (length <= 0) {
                return this;
            }
            long end = start + length;
            if (n > 0 && sorted) {
                if (start >= s[n - 1] && start <= e[n - 1]) {
                    e[n - 1] = Math.max(e[n - 1], end);
                    return this;
                }
                sorted = start > e[n - 1];
            }
            if (n == s.length) {
                s = Arrays.copyOf(s, n * 2);
                e = Arrays.copyOf(e, n * 2);
            }
            s[n] = start;
            e[n] = end;
            n++;
            return this;
        }

        public Builder addAll(Extents x) {
            for (int i = 0; i < x.starts.length; i++) {
                add(x.starts[i], x.ends[i] - x.starts[i]);
            }
            return this;
        }

        public Extents build() {
            if (n == 0) {
                return EMPTY;
            }
            if (sorted) {
                return new Extents(Arrays.copyOf(s, n), Arrays.copyOf(e, n));
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(s[a], s[b]));
            Builder merged = new Builder();
            for (int i : order) {
                merged.add(s[i], e[i] - s[i]);
            }
            return merged.build();
        }
    }
}
