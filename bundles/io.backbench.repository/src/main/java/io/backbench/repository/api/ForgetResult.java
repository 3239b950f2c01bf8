package io.backbench.repository.api;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RepositoryOperations#forget} decided, group by group; with {@code dryRun} nothing was
 * removed, else the snapshots in every group's {@code remove} list are gone.
 */
public record ForgetResult(List<ForgetGroup> groups, boolean dryRun) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public ForgetResult {
        groups = List.copyOf(groups);
    }

    /** Every snapshot removed (or, in a dry run, that would be). */
    public List<StoredSnapshot> removed() {
        List<StoredSnapshot> out = new ArrayList<>();
        groups.forEach(g -> out.addAll(g.remove()));
        return out;
    }

    /** restic-like text: per group the kept snapshots with reasons, then the removed ones. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        for (ForgetGroup g : groups) {
            List<String> key = new ArrayList<>();
            if (g.host() != null) {
                key.add("host [" + g.host() + "]");
            }
            if (g.paths() != null) {
                key.add("paths " + g.paths());
            }
            if (g.tags() != null) {
                key.add("tags " + g.tags());
            }
            sb.append(key.isEmpty() ? "all snapshots" : "snapshots for " + String.join(", ", key)).append(":\n");
            sb.append("keep ").append(g.keep().size()).append(" snapshots:\n");
            for (KeptSnapshot k : g.keep()) {
                sb.append("  ").append(line(k.snapshot())).append("  ").append(String.join(", ", k.reasons())).append('\n');
            }
            if (!g.remove().isEmpty()) {
                sb.append(dryRun ? "would remove " : "remove ").append(g.remove().size()).append(" snapshots:\n");
                for (StoredSnapshot s : g.remove()) {
                    sb.append("  ").append(line(s)).append('\n');
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String line(StoredSnapshot s) {
        Snapshot sn = s.snapshot();
        return s.id().shortHex() + "  " + TIME.format(sn.time()) + "  " + (sn.hostname() == null ? "" : sn.hostname())
                + (sn.tags().isEmpty() ? "" : "  " + String.join(",", sn.tags())) + "  " + String.join(" ", sn.paths());
    }
}
