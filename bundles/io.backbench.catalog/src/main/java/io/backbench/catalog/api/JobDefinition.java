package io.backbench.catalog.api;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job the administrator defined: what to protect, where to, when, and the objectives to meet.
 * The catalog stores it as given; the jobs bundle interprets {@code kind}, {@code schedule},
 * {@code retention} and {@code options}.
 *
 * @param id         a stable id (the catalog assigns one when saving a definition whose id is null)
 * @param name       unique among jobs, shown everywhere: "Home folders to NAS"
 * @param kind       the job kind: {@code backup}, {@code restore-test}, {@code retention}, {@code image}, ...
 * @param enabled    whether the scheduler runs it (a disabled job still runs on demand)
 * @param sources    what to protect (paths for a file backup, a device for an image); may be empty
 * @param repository the repository's location: a folder path (disk target) or {@code TYPE:key=value,...}
 * @param schedule   when it runs: {@code daily 02:30}, {@code weekly mon,thu 03:00}, {@code every 6h},
 *                   {@code cron 0 3 * * 1-5}; empty for on demand only
 * @param retention  the retention policy as {@code last=7,daily=14,weekly=8,monthly=12,yearly=3}; empty keeps all
 * @param rpo        recovery point objective: the oldest the last good backup may be; null for none
 * @param rto        recovery time objective: how long a restore may take; null for none
 * @param options    kind-specific settings (e.g. {@code password-file}, {@code excludes}, {@code sample-percent})
 * @param created    when first saved (set by the catalog)
 * @param updated    when last saved (set by the catalog)
 */
public record JobDefinition(String id, String name, String kind, boolean enabled, List<String> sources, String repository,
        String schedule, String retention, Duration rpo, Duration rto, Map<String, String> options, Instant created,
        Instant updated) {

    public JobDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a job needs a name");
        }
        if (name.length() > 200) {
            throw new IllegalArgumentException("a job name may have at most 200 characters");
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("job '" + name + "' needs a kind (backup, restore-test, retention, check, ...)");
        }
        sources = sources == null ? List.of() : List.copyOf(sources);
        repository = repository == null ? "" : repository;
        schedule = schedule == null ? "" : schedule.trim();
        retention = retention == null ? "" : retention.trim();
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** A new enabled definition without schedule, objectives or options. */
    public static JobDefinition of(String name, String kind, String repository, List<String> sources) {
        return new JobDefinition(null, name, kind, true, sources, repository, "", "", null, null, Map.of(), null, null);
    }

    public JobDefinition withId(String v) {
        return new JobDefinition(v, name, kind, enabled, sources, repository, schedule, retention, rpo, rto, options, created, updated);
    }

    public JobDefinition withName(String v) {
        return new JobDefinition(id, v, kind, enabled, sources, repository, schedule, retention, rpo, rto, options, created, updated);
    }

    public JobDefinition withEnabled(boolean v) {
        return new JobDefinition(id, name, kind, v, sources, repository, schedule, retention, rpo, rto, options, created, updated);
    }

    public JobDefinition withSchedule(String v) {
        return new JobDefinition(id, name, kind, enabled, sources, repository, v, retention, rpo, rto, options, created, updated);
    }

    public JobDefinition withRetention(String v) {
        return new JobDefinition(id, name, kind, enabled, sources, repository, schedule, v, rpo, rto, options, created, updated);
    }

    public JobDefinition withObjectives(Duration rpoValue, Duration rtoValue) {
        return new JobDefinition(id, name, kind, enabled, sources, repository, schedule, retention, rpoValue, rtoValue, options,
                created, updated);
    }

    /** A copy with {@code key} set to {@code value} (removed when value is null). */
    public JobDefinition withOption(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(options);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(Objects.requireNonNull(key), value);
        }
        return new JobDefinition(id, name, kind, enabled, sources, repository, schedule, retention, rpo, rto, m, created, updated);
    }

    public JobDefinition withTimes(Instant createdValue, Instant updatedValue) {
        return new JobDefinition(id, name, kind, enabled, sources, repository, schedule, retention, rpo, rto, options,
                createdValue, updatedValue);
    }

    public String option(String key, String defaultValue) {
        String v = options.get(key);
        return v == null || v.isBlank() ? defaultValue : v;
    }
}
