package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.ForgetGroup;
import io.backbench.repository.api.ForgetResult;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeptSnapshot;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOperations;
import io.backbench.repository.api.RetentionPolicy;
import io.backbench.repository.api.RetentionPolicy.Span;
import io.backbench.repository.api.SnapshotFilter;
import io.backbench.repository.api.SnapshotGrouping;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.oracle.RepoFixture;
import io.backbench.repository.oracle.Restic;

/**
 * Oracle: for the same snapshots and policy, forget keeps and removes exactly what
 * {@code restic forget --dry-run --json} does, for the same reasons. Most snapshots are written by us
 * with chosen times; three are made by {@code restic backup --time}.
 */
class ForgetMatchesResticTest {
    @TempDir
    static Path tmp;
    static Path repoDir;
    static Restic restic;

    @BeforeAll
    static void makeSnapshots() throws Exception {
        repoDir = tmp.resolve("repo");
        Random rnd = new Random(42);
        try (Repository repo = RepoFixture.init(repoDir)) {
            Map<String, byte[]> files = RepoFixture.files("a.txt", RepoFixture.text("same content in every snapshot"));
            Instant start = Instant.parse("2022-01-03T00:00:00Z");
            long span = Instant.parse("2024-06-01T00:00:00Z").getEpochSecond() - start.getEpochSecond();
            for (int i = 0; i < 60; i++) {
                // clustered times: some in the same hour, day and week, most spread over 2.5 years
                long offset = i < 40 ? (long) (rnd.nextDouble() * span) : span - rnd.nextInt(40 * 86400);
                Instant t = start.plusSeconds(offset).plusNanos(rnd.nextInt(1_000_000_000));
                String host = i % 3 == 0 ? "laptop" : "server";
                List<String> tags = i % 7 == 0 ? List.of("a", "b") : i % 5 == 0 ? List.of("a") : List.of();
                RepoFixture.snapshot(repo, files, t, host, tags);
            }
        }
        restic = RepoFixture.restic(repoDir);
        Path src = tmp.resolve("data");
        Files.createDirectories(src);
        Files.writeString(src.resolve("f"), "restic's own snapshot", StandardCharsets.UTF_8);
        for (String time : List.of("2024-05-30 10:15:00", "2024-05-30 10:45:00", "2024-05-12 23:59:59")) {
            restic.runIn(tmp, "backup", "--host", "server", "--time", time, "data").ok();
        }
    }

    @Test
    void keepLastAndHourlyDailyMatchRestic() throws Exception {
        compare(RetentionPolicy.none().keepLast(3), "--keep-last", "3");
        compare(RetentionPolicy.none().keepHourly(5).keepDaily(4), "--keep-hourly", "5", "--keep-daily", "4");
    }

    @Test
    void calendarBucketsMatchRestic() throws Exception {
        compare(RetentionPolicy.none().keepDaily(7).keepWeekly(4).keepMonthly(6).keepYearly(2), "--keep-daily", "7", "--keep-weekly",
                "4", "--keep-monthly", "6", "--keep-yearly", "2");
    }

    @Test
    void withinRulesMatchRestic() throws Exception {
        compare(RetentionPolicy.none().keepWithin(Span.parse("20d")), "--keep-within", "20d");
        compare(RetentionPolicy.none().keepWithinDaily(Span.parse("30d")).keepWithinWeekly(Span.parse("3m"))
                .keepWithinMonthly(Span.parse("1y2h")), "--keep-within-daily", "30d", "--keep-within-weekly", "3m",
                "--keep-within-monthly", "1y2h");
    }

    @Test
    void tagsGroupingAndFiltersMatchRestic() throws Exception {
        compare(RetentionPolicy.none().keepTag("a,b").keepLast(1), SnapshotGrouping.HOST_AND_PATHS, SnapshotFilter.ALL,
                "--keep-tag", "a,b", "--keep-last", "1");
        compare(RetentionPolicy.none().keepMonthly(3), SnapshotGrouping.parse("host"), SnapshotFilter.ALL, "--group-by", "host",
                "--keep-monthly", "3");
        compare(RetentionPolicy.none().keepWeekly(2), SnapshotGrouping.parse("tags"),
                new SnapshotFilter(List.of("server"), List.of(), List.of()), "--group-by", "tags", "--host", "server",
                "--keep-weekly", "2");
    }

    @Test
    void aRealForgetRemovesWhatTheDryRunListed() throws Exception {
        Path copy = tmp.resolve("copy");
        copyTree(repoDir, copy);
        try (Repository repo = RepoFixture.open(copy)) {
            RetentionPolicy p = RetentionPolicy.none().keepDaily(3);
            ForgetResult plan = RepositoryOperations.forget(repo, p, SnapshotGrouping.HOST_AND_PATHS, SnapshotFilter.ALL, true);
            assertEquals(63, repo.snapshots().size(), "a dry run removes nothing");
            ForgetResult done = RepositoryOperations.forget(repo, p, SnapshotGrouping.HOST_AND_PATHS, SnapshotFilter.ALL, false);
            assertFalse(done.dryRun());
            assertEquals(plan.removed().size(), done.removed().size());
            List<Id> left = repo.listSnapshots();
            assertEquals(63 - done.removed().size(), left.size());
            done.removed().forEach(s -> assertFalse(left.contains(s.id())));
            assertTrue(done.text().contains("daily snapshot"), done.text());
        }
        RepoFixture.restic(copy).run("check").ok();
    }

    private void compare(RetentionPolicy policy, String... resticArgs) throws Exception {
        compare(policy, SnapshotGrouping.HOST_AND_PATHS, SnapshotFilter.ALL, resticArgs);
    }

    private void compare(RetentionPolicy policy, SnapshotGrouping grouping, SnapshotFilter filter, String... resticArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("forget", "--dry-run", "--json"));
        args.addAll(List.of(resticArgs));
        String json = restic.run(args.toArray(String[]::new)).ok().out();
        Map<String, List<String>> expected = fromRestic(json);
        Map<String, List<String>> actual = new TreeMap<>();
        try (Repository repo = RepoFixture.open(repoDir)) {
            ForgetResult r = RepositoryOperations.forget(repo, policy, grouping, filter, true);
            for (ForgetGroup g : r.groups()) {
                for (KeptSnapshot k : g.keep()) {
                    actual.put(k.snapshot().id().hex(), k.reasons());
                }
                for (StoredSnapshot s : g.remove()) {
                    actual.put(s.id().hex(), List.of("REMOVE"));
                }
            }
        }
        assertEquals(expected, actual, String.join(" ", resticArgs));
        assertTrue(expected.containsValue(List.of("REMOVE")), "the policy should remove something: " + String.join(" ", resticArgs));
    }

    // snapshot id -> reasons it is kept, or [REMOVE]
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> fromRestic(String json) throws Exception {
        String array = json.substring(json.indexOf('['), json.lastIndexOf(']') + 1);
        Map<String, Object> root = JsonReader.parseObject(("{\"groups\":" + array + "}").getBytes(StandardCharsets.UTF_8), "restic");
        Map<String, List<String>> out = new TreeMap<>();
        for (Object g : (List<Object>) root.get("groups")) {
            Map<String, Object> group = (Map<String, Object>) g;
            if (group.get("remove") instanceof List<?> remove) {
                for (Object s : remove) {
                    out.put((String) ((Map<String, Object>) s).get("id"), List.of("REMOVE"));
                }
            }
            // reasons are in the order of keep; their snapshots carry no id
            List<Object> keep = (List<Object>) group.get("keep");
            List<Object> reasons = (List<Object>) group.get("reasons");
            assertEquals(keep.size(), reasons.size());
            for (int i = 0; i < keep.size(); i++) {
                String id = (String) ((Map<String, Object>) keep.get(i)).get("id");
                out.put(id, ((List<Object>) ((Map<String, Object>) reasons.get(i)).get("matches")).stream().map(String::valueOf).toList());
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
