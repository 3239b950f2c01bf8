package io.backbench.repository.api;

/**
 * What {@link RepositoryOperations#check} examines. The structure (snapshots, trees, index, pack
 * sizes and headers) is always checked; with {@code readData} every pack selected by {@code subset}
 * (all when null) is downloaded and each blob's MAC and SHA-256 verified.
 *
 * @param readData whether to read pack contents
 * @param subset   which packs to read, or null for all (only with {@code readData})
 */
public record CheckOptions(boolean readData, ReadDataSubset subset) {
    public CheckOptions {
        if (subset != null && !readData) {
            throw new IllegalArgumentException("a read-data subset needs readData");
        }
    }

    /** Structure only: restic's plain {@code check}. */
    public static CheckOptions structure() {
        return new CheckOptions(false, null);
    }

    /** Structure and every pack's data: {@code check --read-data}. */
    public static CheckOptions readAllData() {
        return new CheckOptions(true, null);
    }

    /** Structure and some packs' data: {@code check --read-data-subset 5%} or {@code 1/10}. */
    public static CheckOptions readDataSubset(String spec) {
        return new CheckOptions(true, ReadDataSubset.parse(spec));
    }
}
