package io.backbench.catalog.api;

/**
 * A page of runs: which ({@code filter}), in what order, and which slice. The default is the newest
 * 100 runs of all.
 *
 * @param filter     which runs
 * @param sort       the column to sort by
 * @param descending largest (or newest) first
 * @param offset     rows to skip, from 0
 * @param limit      rows at most, 1 to 10,000
 */
public record RunQuery(RunFilter filter, RunSort sort, boolean descending, int offset, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public RunQuery {
        filter = filter == null ? RunFilter.ALL : filter;
        sort = sort == null ? RunSort.STARTED : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
    }

    /** The newest 100 runs. */
    public static RunQuery newest() {
        return new RunQuery(RunFilter.ALL, RunSort.STARTED, true, 0, 100);
    }

    public RunQuery withFilter(RunFilter v) {
        return new RunQuery(v, sort, descending, offset, limit);
    }

    public RunQuery sortedBy(RunSort v, boolean desc) {
        return new RunQuery(filter, v, desc, offset, limit);
    }

    public RunQuery page(int offsetValue, int limitValue) {
        return new RunQuery(filter, sort, descending, offsetValue, limitValue);
    }
}
