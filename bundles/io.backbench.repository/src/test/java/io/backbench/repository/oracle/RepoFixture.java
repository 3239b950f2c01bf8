package io.backbench.repository.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.Tree;

/**
 * Test helper: repositories in a folder (restic reads them) with snapshots made from data given in
 * memory, so a test states its files, times, hosts and tags as data.
 */
public final class RepoFixture {
    public static final String PASSWORD = "correct horse battery staple";
    /** Cheap scrypt and the smallest pack size, so a few MiB make several packs. */
    public static final RepositoryOptions OPTIONS = RepositoryOptions.defaults()
            .withKdf(new RepositoryOptions.KdfParams(1024, 8, 1)).withPackSize(4 << 20);
    public static final Instant MTIME = Instant.parse("2024-05-06T07:08:09.123456789Z");

    private RepoFixture() {
    }

    public static Repository init(Path dir) throws IOException {
        return Repositories.init(new FolderTarget(dir), PASSWORD.toCharArray(), OPTIONS);
    }

    public static Repository open(Path dir) throws IOException {
        return Repositories.open(new FolderTarget(dir), PASSWORD.toCharArray(), OPTIONS);
    }

    public static Restic restic(Path dir) {
        return new Restic(dir, PASSWORD);
    }

    /** {@code n} bytes that do not compress, the same for the same seed. */
    public static byte[] random(long seed, int n) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Files by relative path ("a/b/c.txt"); folders are made as needed. */
    public static Map<String, byte[]> files(Object... pathThenContent) {
        Map<String, byte[]> m = new TreeMap<>();
        for (int i = 0; i < pathThenContent.length; i += 2) {
            m.put((String) pathThenContent[i], (byte[]) pathThenContent[i + 1]);
        }
        return m;
    }

    /** Saves the files as a snapshot of path {@code /data} taken at {@code time}; returns the snapshot id. */
    public static Id snapshot(Repository repo, Map<String, byte[]> files, Instant time, String host, List<String> tags) throws IOException {
        Id root = saveDir(repo, files, "");
        return repo.saveSnapshot(new Snapshot(time, root, List.of("/data"), host, "tester", 1000, 1000, List.of(), tags, null, null));
    }

    public static Id snapshot(Repository repo, Map<String, byte[]> files, Instant time) throws IOException {
        return snapshot(repo, files, time, "testhost", List.of());
    }

    private static Id saveDir(Repository repo, Map<String, byte[]> files, String prefix) throws IOException {
        Map<String, Map<String, byte[]>> sub = new TreeMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            if (!e.getKey().startsWith(prefix)) {
                continue;
            }
            String rest = e.getKey().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) {
                nodes.add(file(repo, rest, e.getValue()));
            } else {
                sub.computeIfAbsent(rest.substring(0, slash), k -> new TreeMap<>());
            }
        }
        for (String dir : sub.keySet()) {
            Id tree = saveDir(repo, files, prefix + dir + "/");
            nodes.add(Node.builder(dir, NodeType.DIR).permissions(0755).times(MTIME).uid(1000).gid(1000).subtree(tree).build());
        }
        return repo.saveTree(new Tree(nodes));
    }

    public static Node file(Repository repo, String name, byte[] data) throws IOException {
        return Node.builder(name, NodeType.FILE).permissions(0644).times(MTIME).uid(1000).gid(1000).size(data.length)
                .content(Snapshotter.saveChunks(repo, data)).build();
    }

    /** Flips one bit of the byte at {@code offset} of a file. */
    public static void flipByte(Path file, long offset) throws IOException {
        byte[] b = Files.readAllBytes(file);
        b[(int) offset] ^= 0x01;
        Files.write(file, b);
    }

    /** The pack file for a pack id in a folder repository. */
    public static Path packFile(Path repoDir, Id pack) {
        return repoDir.resolve("data").resolve(pack.hex().substring(0, 2)).resolve(pack.hex());
    }
}
