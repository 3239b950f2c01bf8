package io.backbench.catalog.api;

import java.time.Instant;

/**
 * The storage a repository uses, as last measured by a run on it.
 *
 * @param target   the repository location
 * @param bytes    its stored size then
 * @param measured when (the end of that run)
 */
public record TargetUsage(String target, long bytes, Instant measured) {
}
