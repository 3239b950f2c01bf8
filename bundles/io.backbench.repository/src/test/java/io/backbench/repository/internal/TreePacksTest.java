package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;
import io.backbench.repository.oracle.FolderTarget;
import io.backbench.repository.oracle.RecordingTarget;
import io.backbench.repository.oracle.RepoFixture;

/**
 * A walk over many trees reads each tree pack at most twice (its first tree on its own, then the
 * span of all its trees), not once per tree; one tree alone reads only itself; a damaged tree fails
 * alone, with the error it had before. With a cache folder, a later process reads the spans from
 * the copies there, damaged copies are ignored, and check reads the repository itself.
 */
class TreePacksTest {
    @TempDir
    Path dir;

    /** Saves {@code n} distinct trees of a few nodes each; returns them by id, in saving order. */
    private Map<Id, Tree> saveTrees(int n) throws Exception {
        Map<Id, Tree> saved = new LinkedHashMap<>();
        try (Repository r = Repositories.init(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (int i = 0; i < n; i++) {
                List<Node> nodes = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    nodes.add(Node.builder("file " + i + "." + k, NodeType.FILE).permissions(0644).uid(1000).gid(1000)
                            .size(i * 7L + k).build());
                }
                Tree t = new Tree(nodes);
                saved.put(r.saveTree(t), t);
            }
            r.flush();
        }
        return saved;
    }

    private static long packReads(RecordingTarget target) {
        return target.reads.stream().filter(x -> x.key().startsWith("data/")).count();
    }

    @Test
    void aWalkOverEveryTreeReadsEachTreePackTwiceAtMost() throws Exception {
        Map<Id, Tree> saved = saveTrees(300);
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS)) {
            List<Id> ids = new ArrayList<>(saved.keySet());
            long packs = ids.stream().map(id -> r.index().lookup(BlobType.TREE, id).orElseThrow().pack()).distinct().count();
            target.reads.clear();
            // last saved first, as a restore's walk from the root goes
            for (int i = ids.size() - 1; i >= 0; i--) {
                assertEquals(saved.get(ids.get(i)), r.loadTree(ids.get(i)));
            }
            assertEquals(2 * packs, packReads(target), "one read of the first tree and one of the span, per pack");
            // and again: the spans are kept
            target.reads.clear();
            for (Id id : ids) {
                assertEquals(saved.get(id), r.loadTree(id));
            }
            assertEquals(0, packReads(target));
        }
    }

    @Test
    void oneTreeAloneReadsOnlyItsOwnBytes() throws Exception {
        Map<Id, Tree> saved = saveTrees(50);
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS)) {
            Id one = saved.keySet().iterator().next();
            PackedBlob b = r.index().lookup(BlobType.TREE, one).orElseThrow();
            target.reads.clear();
            assertEquals(saved.get(one), r.loadTree(one));
            assertEquals(List.of(new RecordingTarget.Read("data/" + b.pack().hex().substring(0, 2) + "/" + b.pack().hex(),
                    b.offset(), b.length())), target.reads);
        }
    }

    @Test
    void threadsWantingOnePackWaitForASingleReadOfIt() throws Exception {
        Map<Id, Tree> saved = saveTrees(400);
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS)) {
            List<Id> ids = new ArrayList<>(saved.keySet());
            long packs = ids.stream().map(id -> r.index().lookup(BlobType.TREE, id).orElseThrow().pack()).distinct().count();
            target.reads.clear();
            List<Future<Tree>> loads = new ArrayList<>();
            for (Id id : ids) {
                loads.add(pool.submit(() -> r.loadTree(id)));
            }
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(saved.get(ids.get(i)), loads.get(i).get());
            }
            // first trees of a pack may be wanted by several threads at once before its span is read
            long reads = packReads(target);
            assertTrue(reads <= packs * (1 + 4), "at most one span read per pack: " + reads + " reads for " + packs + " packs");
            assertEquals(packs, target.reads.stream().filter(x -> x.key().startsWith("data/") && x.length() > 4096).count(),
                    "one span read per pack");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDamagedTreeFailsAloneAsItDidWhenReadOnItsOwn() throws Exception {
        Map<Id, Tree> saved = saveTrees(100);
        List<Id> ids = new ArrayList<>(saved.keySet());
        Id damaged = ids.get(40);
        PackedBlob where;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            where = r.index().lookup(BlobType.TREE, damaged).orElseThrow();
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, where.pack()), where.offset() + where.length() / 2);
        String alone;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            alone = assertThrows(RepositoryException.class, () -> r.loadTree(damaged)).getMessage();
        }
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS)) {
            for (Id id : ids) {
                if (id.equals(damaged)) {
                    assertEquals(alone, assertThrows(RepositoryException.class, () -> r.loadTree(id)).getMessage());
                } else {
                    assertEquals(saved.get(id), r.loadTree(id));
                }
            }
        }
    }
    /** A walk over every tree, newest first; returns the tree packs' ids. */
    private static java.util.Set<Id> walk(Repository r, Map<Id, Tree> saved) throws Exception {
        List<Id> ids = new ArrayList<>(saved.keySet());
        for (int i = ids.size() - 1; i >= 0; i--) {
            assertEquals(saved.get(ids.get(i)), r.loadTree(ids.get(i)));
        }
        java.util.Set<Id> packs = new java.util.HashSet<>();
        ids.forEach(id -> packs.add(r.index().lookup(BlobType.TREE, id).orElseThrow().pack()));
        return packs;
    }

    @Test
    void aLaterProcessReadsTheTreesFromTheCopiesOnThisMachine() throws Exception {
        Map<Id, Tree> saved = saveTrees(300);
        Path cache = dir.resolve("cache");
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        java.util.Set<Id> packs;
        String id;
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            id = r.config().id();
            packs = walk(r, saved);
        }
        for (Id pack : packs) {
            assertTrue(java.nio.file.Files.isRegularFile(TreeCopies.folder(cache, id).resolve(pack.hex())), "a copy of " + pack);
        }
        target.reads.clear();
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            walk(r, saved);
            // one tree alone too: its pack's span is here
            Id first = saved.keySet().iterator().next();
            assertEquals(saved.get(first), r.loadTree(first));
        }
        assertEquals(0, packReads(target), "no tree read from the repository: " + target.reads);
    }

    @Test
    void aDamagedCopyIsReadFromTheRepositoryAgainAndMadeAnew() throws Exception {
        Map<Id, Tree> saved = saveTrees(300);
        Path cache = dir.resolve("cache");
        java.util.Set<Id> packs;
        String id;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            id = r.config().id();
            packs = walk(r, saved);
        }
        for (Id pack : packs) {
            Path copy = TreeCopies.folder(cache, id).resolve(pack.hex());
            RepoFixture.flipByte(copy, java.nio.file.Files.size(copy) / 2);
        }
        RecordingTarget target = new RecordingTarget(new FolderTarget(dir));
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            target.reads.clear();
            walk(r, saved);
            assertEquals(packs.size(), packReads(target), "each damaged copy ignored: its span read from the repository, once");
        }
        target.reads.clear();
        try (Repository r = Repositories.open(target, RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            walk(r, saved);
        }
        assertEquals(0, packReads(target), "the copies were made anew");
    }

    @Test
    void copiesOfPacksTheIndexNoLongerListsAreDeleted() throws Exception {
        Map<Id, Tree> saved = saveTrees(50);
        Path cache = dir.resolve("cache");
        String id;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            id = r.config().id();
            walk(r, saved);
        }
        Path gone = TreeCopies.folder(cache, id).resolve("ab".repeat(32)); // a pack a prune removed
        java.nio.file.Files.write(gone, new byte[100]);
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            walk(r, saved);
        }
        assertTrue(!java.nio.file.Files.exists(gone), "the copy of a pack no longer listed is deleted");
    }

    @Test
    void checkReadsTheTreesOfTheRepositoryNotTheCopiesOnThisMachine() throws Exception {
        Map<Id, Tree> saved = saveTrees(100);
        Path cache = dir.resolve("cache");
        List<Id> ids = new ArrayList<>(saved.keySet());
        Id damaged = ids.get(40);
        PackedBlob where;
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            walk(r, saved); // the copies hold every tree intact
            where = r.index().lookup(BlobType.TREE, damaged).orElseThrow();
            r.saveSnapshot(io.backbench.repository.api.Snapshot.of(java.time.Instant.parse("2026-11-28T10:00:00Z"), damaged,
                    List.of("/x"), "h", "u"));
        }
        RepoFixture.flipByte(RepoFixture.packFile(dir, where.pack()), where.offset() + where.length() / 2);
        try (Repository r = Repositories.open(new FolderTarget(dir), RepositoryTest.PW, RepositoryTest.OPTS.withCacheDir(cache))) {
            // a listing still reads the intact copy...
            assertEquals(saved.get(damaged), r.loadTree(damaged));
            io.backbench.repository.api.CheckReport report = io.backbench.repository.api.RepositoryOperations.check(r,
                    io.backbench.repository.api.CheckOptions.structure());
            // ...but check reads the repository, and finds the damaged tree
            assertTrue(report.errors().stream().anyMatch(e -> e.kind() == io.backbench.repository.api.CheckProblem.Kind.TREE_DAMAGED),
                    report.text());
        }
    }
}
