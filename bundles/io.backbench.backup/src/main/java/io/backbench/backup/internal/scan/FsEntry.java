package io.backbench.backup.internal.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;

/**
 * What {@code lstat(2)} says about one path, read through the JDK's {@code unix:} attribute view
 * (which gives mode, inode, device, rdev, link count, ids and nanosecond times without following a
 * symlink). Immutable.
 */
public record FsEntry(Path path, NodeType type, int mode, long inode, long dev, long rdev, long nlink, long uid, long gid,
        long size, Instant mtime, Instant atime, Instant ctime) {

    private static final String ATTRIBUTES = "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    public static FsEntry lstat(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        return new FsEntry(p, typeOf(mode), mode & 07777, (Long) a.get("ino"), (Long) a.get("dev"), (Long) a.get("rdev"),
                ((Integer) a.get("nlink")) & 0xffffffffL, ((Integer) a.get("uid")) & 0xffffffffL,
                ((Integer) a.get("gid")) & 0xffffffffL, (Long) a.get("size"), time(a.get("lastModifiedTime")),
                time(a.get("lastAccessTime")), time(a.get("ctime")));
    }

    static NodeType typeOf(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> NodeType.FILE;
            case 0040000 -> NodeType.DIR;
            case 0120000 -> NodeType.SYMLINK;
            case 0060000 -> NodeType.DEV;
            case 0020000 -> NodeType.CHARDEV;
            case 0010000 -> NodeType.FIFO;
            case 0140000 -> NodeType.SOCKET;
            default -> NodeType.IRREGULAR;
        };
    }

    private static Instant time(Object o) {
        return ((FileTime) o).toInstant();
    }

    /** A node builder with everything lstat knows, named {@code name}; size only for files, as restic does. */
    public Node.Builder toNode(String name, Names names) {
        Node.Builder b = Node.builder(name, type).permissions(mode).mtime(mtime).atime(atime).ctime(ctime).uid(uid).gid(gid)
                .user(names.user(uid, path)).group(names.group(gid, path)).inode(inode).deviceId(dev).links(nlink);
        if (type == NodeType.FILE) {
            b.size(size);
        }
        if (type == NodeType.DEV || type == NodeType.CHARDEV) {
            b.device(rdev);
        }
        return b;
    }
}
