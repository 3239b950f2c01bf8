package io.backbench.repository.oracle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.Tree;

/**
 * Test helper, not the backup engine: walks a folder of regular files and folders into trees and
 * data blobs the way restic lays them out, and saves a snapshot; and reads files back from a tree.
 */
public final class Snapshotter {
    private final Repository repo;

    public Snapshotter(Repository repo) {
        this.repo = repo;
    }

    /** Backs up {@code dir} under a shared lock; the root tree holds one node named as the folder, as restic does. */
    public Id backup(Path dir) throws IOException {
        try (RepositoryLock lock = repo.lock(false)) {
            Node top = dirNode(dir, dir.getFileName().toString(), saveDir(dir));
            Id root = repo.saveTree(new Tree(List.of(top)));
            return repo.saveSnapshot(Snapshot.of(Instant.now(), root, List.of(dir.toAbsolutePath().toString()), "testhost", "tester"));
        }
    }

    private Id saveDir(Path dir) throws IOException {
        List<Node> nodes = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    nodes.add(dirNode(p, name, saveDir(p)));
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    nodes.add(fileNode(p, name));
                }
            }
        }
        return repo.saveTree(new Tree(nodes));
    }

    /** Cuts {@code data} with the repository's chunker and saves each chunk; returns the ids in order. */
    public static List<Id> saveChunks(Repository repo, byte[] data) throws IOException {
        Chunker c = repo.newChunker();
        List<Id> ids = new ArrayList<>();
        int start = 0;
        int pos = 0;
        while (pos < data.length) {
            int n = c.next(data, pos, data.length - pos);
            if (n < 0) {
                break;
            }
            pos += n;
            ids.add(repo.saveBlob(BlobType.DATA, data, start, pos - start));
            start = pos;
        }
        if (start < data.length) {
            ids.add(repo.saveBlob(BlobType.DATA, data, start, data.length - start));
        }
        return ids;
    }

    private Node fileNode(Path p, String name) throws IOException {
        byte[] data = Files.readAllBytes(p);
        return meta(Node.builder(name, NodeType.FILE), p).size(data.length).content(saveChunks(repo, data)).build();
    }

    private Node dirNode(Path p, String name, Id subtree) throws IOException {
        return meta(Node.builder(name, NodeType.DIR), p).subtree(subtree).build();
    }

    private static Node.Builder meta(Node.Builder b, Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:*", LinkOption.NOFOLLOW_LINKS);
        return b.permissions(permissions(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)))
                .mtime(((FileTime) a.get("lastModifiedTime")).toInstant())
                .atime(((FileTime) a.get("lastAccessTime")).toInstant())
                .ctime(((FileTime) a.get("ctime")).toInstant())
                .uid((Integer) a.get("uid")).gid((Integer) a.get("gid"))
                .inode((Long) a.get("ino")).deviceId((Long) a.get("dev")).links((Integer) a.get("nlink"));
    }

    private static int permissions(Set<PosixFilePermission> set) {
        int m = 0;
        for (PosixFilePermission x : set) {
            m |= 1 << (8 - x.ordinal());
        }
        return m;
    }

    /** Relative path → content for every file below {@code tree}; relative path → null for folders. */
    public static Map<String, byte[]> read(Repository repo, Id tree) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        read(repo, tree, "", out);
        return out;
    }

    private static void read(Repository repo, Id tree, String prefix, Map<String, byte[]> out) throws IOException {
        for (Node n : repo.loadTree(tree).nodes()) {
            String path = prefix.isEmpty() ? n.name() : prefix + "/" + n.name();
            if (n.type() == NodeType.DIR) {
                out.put(path, null);
                read(repo, n.subtree(), path, out);
            } else if (n.type() == NodeType.FILE) {
                java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                for (Id id : n.content()) {
                    bytes.write(repo.loadBlob(BlobType.DATA, id));
                }
                out.put(path, bytes.toByteArray());
            }
        }
    }
}
