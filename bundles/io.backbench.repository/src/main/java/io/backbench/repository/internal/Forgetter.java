package io.backbench.repository.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.backbench.repository.api.ForgetGroup;
import io.backbench.repository.api.ForgetResult;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.SnapshotGrouping;
import io.backbench.repository.api.StoredSnapshot;

/** restic's {@code forget} with a policy: filter, group, apply the policy per group, delete. Caller's thread. */
final class Forgetter {
    private Forgetter() {
    }

    static ForgetResult plan(List<StoredSnapshot> all, RetentionPolicy policy, SnapshotGrouping grouping, SnapshotFilter filter,
            Instant now) {
        Map<String, List<StoredSnapshot>> groups = new TreeMap<>();
        Map<String, StoredSnapshot> sample = new TreeMap<>();
        for (StoredSnapshot s : all) {
            if (!filter.matches(s.snapshot())) {
                continue;
            }
            String key = key(s, grouping);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
            sample.putIfAbsent(key, s);
        }
        List<ForgetGroup> out = new ArrayList<>();
        for (Map.Entry<String, List<StoredSnapshot>> e : groups.entrySet()) {
            StoredSnapshot s = sample.get(e.getKey());
            Retention.Decision d = Retention.apply(e.getValue(), policy, now);
            out.add(new ForgetGroup(grouping.host() ? nullToEmpty(s.snapshot().hostname()) : null,
                    grouping.paths() ? sorted(s.snapshot().paths()) : null, grouping.tags() ? sorted(s.snapshot().tags()) : null,
                    d.keep(), d.remove()));
        }
        return new ForgetResult(out, true);
    }

    static ForgetResult execute(ResticRepository repo, ForgetResult plan) throws RepositoryException {
        for (StoredSnapshot s : plan.removed()) {
            repo.store().delete(Store.SNAPSHOTS + "/" + s.id().hex());
        }
        return new ForgetResult(plan.groups(), false);
    }

    private static String key(StoredSnapshot s, SnapshotGrouping g) {
        StringBuilder sb = new StringBuilder();
        if (g.host()) {
            sb.append("host=").append(nullToEmpty(s.snapshot().hostname())).append('\0');
        }
        if (g.paths()) {
            sb.append("paths=").append(String.join("\u0001", sorted(s.snapshot().paths()))).append('\0');
        }
        if (g.tags()) {
            sb.append("tags=").append(String.join("\u0001", sorted(s.snapshot().tags()))).append('\0');
        }
        return sb.toString();
    }

    private static List<String> sorted(List<String> l) {
        List<String> out = new ArrayList<>(l);
        out.sort(null);
        return out;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
