package io.backbench.catalog.api;

import java.time.Instant;
import java.util.Set;

/**
 * Which runs a query considers; every part that is set must match (empty sets and nulls match all).
 *
 * @param jobIds   runs of these job definitions
 * @param kinds    runs of these kinds
 * @param targets  runs on these repository locations
 * @param statuses runs with these statuses
 * @param from     runs started at or after this
 * @param to       runs started before this
 * @param text     case-insensitive text found in the job name, the target or the error
 */
public record RunFilter(Set<String> jobIds, Set<String> kinds, Set<String> targets, Set<RunStatus> statuses, Instant from,
        Instant to, String text) {

    public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null, null);

    public RunFilter {
        jobIds = jobIds == null ? Set.of() : Set.copyOf(jobIds);
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        targets = targets == null ? Set.of() : Set.copyOf(targets);
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.trim();
    }

    public RunFilter withJobIds(Set<String> v) {
        return new RunFilter(v, kinds, targets, statuses, from, to, text);
    }

    public RunFilter withKinds(Set<String> v) {
        return new RunFilter(jobIds, v, targets, statuses, from, to, text);
    }

    public RunFilter withTargets(Set<String> v) {
        return new RunFilter(jobIds, kinds, v, statuses, from, to, text);
    }

    public RunFilter withStatuses(Set<RunStatus> v) {
        return new RunFilter(jobIds, kinds, targets, v, from, to, text);
    }

    /** Runs started in [from, to); either may be null. */
    public RunFilter startedBetween(Instant fromValue, Instant toValue) {
        return new RunFilter(jobIds, kinds, targets, statuses, fromValue, toValue, text);
    }

    public RunFilter withText(String v) {
        return new RunFilter(jobIds, kinds, targets, statuses, from, to, v);
    }
}
