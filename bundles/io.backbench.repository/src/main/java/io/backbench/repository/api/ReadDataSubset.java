package io.backbench.repository.api;

/**
 * Which packs a partial {@code check --read-data-subset} reads, as restic selects them.
 * <ul>
 * <li>{@code n/t}: the packs whose id's first byte modulo {@code t} is {@code n-1}. Running
 * {@code 1/t}, {@code 2/t}, ... {@code t/t} on successive days reads every pack once per cycle.</li>
 * <li>{@code p%}: a random {@code p} percent of the packs (at least one when there are any).</li>
 * </ul>
 *
 * @param bucket  n (1-based) for {@code n/t}, else 0
 * @param buckets t for {@code n/t}, else 0
 * @param percent p for {@code p%}, else 0
 */
public record ReadDataSubset(int bucket, int buckets, double percent) {
    public ReadDataSubset {
        boolean byBucket = buckets > 0;
        if (byBucket && (bucket < 1 || bucket > buckets || percent != 0)) {
            throw new IllegalArgumentException("subset n/t needs 1 <= n <= t, got " + bucket + "/" + buckets);
        }
        if (!byBucket && (bucket != 0 || !(percent > 0 && percent <= 100))) {
            throw new IllegalArgumentException("subset percentage must be above 0 and at most 100, got " + percent);
        }
    }

    /** Parses {@code "5%"}, {@code "2.5%"} or {@code "1/10"}; anything else is an error saying what is accepted. */
    public static ReadDataSubset parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        try {
            if (s.endsWith("%")) {
                return new ReadDataSubset(0, 0, Double.parseDouble(s.substring(0, s.length() - 1)));
            }
            int slash = s.indexOf('/');
            if (slash > 0) {
                return new ReadDataSubset(Integer.parseInt(s.substring(0, slash)), Integer.parseInt(s.substring(slash + 1)), 0);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("invalid read-data subset '" + spec + "': use a percentage such as 5% or n/t such as 1/10");
    }

    @Override
    public String toString() {
        return buckets > 0 ? bucket + "/" + buckets : (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }
}
