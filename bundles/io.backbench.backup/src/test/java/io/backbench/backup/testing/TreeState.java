package io.backbench.backup.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Everything the acceptance compares about a tree, read from the file system: per relative path
 * the type, mode (with set-id and sticky bits), owner, size, SHA-256 of the content, mtime to the
 * nanosecond, symlink target, device number and user xattrs; plus the hard-link groups. Two equal
 * states are equal trees. (atime is left out: reading a tree changes it.)
 */
public record TreeState(Map<String, String> entries, Set<Set<String>> hardLinkGroups) {

    public static TreeState of(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        Map<Long, Set<String>> byInode = new TreeMap<>();
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.forEach(all::add);
        }
        for (Path p : all) {
            String rel = p.equals(root) ? "." : root.relativize(p).toString();
            Map<String, Object> a = Files.readAttributes(p, "unix:mode,uid,gid,size,lastModifiedTime,rdev,ino,nlink",
                    LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) a.get("mode");
            int type = mode & 0170000;
            StringBuilder d = new StringBuilder();
            d.append("mode=").append(Integer.toOctalString(mode)).append(" owner=").append(a.get("uid")).append(':')
                    .append(a.get("gid"));
            d.append(" mtime=").append(((FileTime) a.get("lastModifiedTime")).toInstant());
            if (type == 0100000) {
                d.append(" size=").append(a.get("size")).append(" sha256=").append(sha256(p));
                if ((Integer) a.get("nlink") > 1) {
                    byInode.computeIfAbsent((Long) a.get("ino"), k -> new TreeSet<>()).add(rel);
                }
            } else if (type == 0120000) {
                d.append(" -> ").append(Files.readSymbolicLink(p));
            } else if (type == 0060000 || type == 0020000) {
                d.append(" rdev=").append(a.get("rdev"));
            }
            if (type == 0100000 || type == 0040000) {
                d.append(" xattrs=").append(xattrs(p));
            }
            entries.put(rel, d.toString());
        }
        Set<Set<String>> groups = new TreeSet<>((x, y) -> x.toString().compareTo(y.toString()));
        // a group matters with two or more members in this tree (a partial restore cannot link to the rest)
        byInode.values().stream().filter(g -> g.size() > 1).forEach(groups::add);
        return new TreeState(entries, groups);
    }

    private static String sha256(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> xattrs(Path p) throws IOException {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        Map<String, String> out = new TreeMap<>();
        for (String n : v.list()) {
            ByteBuffer b = ByteBuffer.allocate(v.size(n));
            v.read(n, b);
            out.put(n, HexFormat.of().formatHex(b.array(), 0, b.position()));
        }
        return out;
    }

    /** The differences, one line each, for an assertion message. */
    public String diff(TreeState other) {
        StringBuilder sb = new StringBuilder();
        Set<String> keys = new TreeSet<>(entries.keySet());
        keys.addAll(other.entries.keySet());
        for (String k : keys) {
            String a = entries.get(k);
            String b = other.entries.get(k);
            if (a == null || !a.equals(b)) {
                sb.append(k.replace("\n", "\\n")).append(":\n  expected ").append(a).append("\n  actual   ").append(b).append('\n');
            }
        }
        if (!hardLinkGroups.toString().equals(other.hardLinkGroups.toString())) {
            sb.append("hard links: expected ").append(hardLinkGroups).append(", actual ").append(other.hardLinkGroups).append('\n');
        }
        return sb.toString();
    }
}
