package io.backbench.catalog.api;

import java.util.List;

/**
 * A slice of a longer result.
 *
 * @param items  the rows of this slice
 * @param offset the index of the first row in the whole result
 * @param total  how many rows the whole result has
 */
public record Page<T>(List<T> items, int offset, long total) {
    public Page {
        items = List.copyOf(items);
    }
}
