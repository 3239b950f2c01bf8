package io.backbench.backup.internal.scan;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;

/**
 * What {@code lstat(2)} says about one path: mode, inode, device, rdev, link count, ids and
 * nanosecond times, without following a symlink. Immutable.
 *
 * <p>Read through the JDK's own {@code lstat} ({@code sun.nio.fs.UnixFileAttributes}, with the
 * {@code --add-opens java.base/sun.nio.fs} that {@code bin/backbench} gives, as {@link RawNames}
 * uses): a backup reads every entry's, and the public {@code unix:} attribute view built a map of
 * boxed values from a parsed attribute list for each (most of the scanning thread's time after a
 * small change). Without the opening, the view is used.
 */
public record FsEntry(Path path, NodeType type, int mode, long inode, long dev, long rdev, long nlink, long uid, long gid,
        long size, Instant mtime, Instant atime, Instant ctime) {

    private static final String ATTRIBUTES = "unix:mode,ino,dev,rdev,nlink,uid,gid,size,lastModifiedTime,lastAccessTime,ctime";

    public static FsEntry lstat(Path p) throws IOException {
        if (Native.GET != null && p.getFileSystem() == Native.FS) {
            return Native.lstat(p);
        }
        return viaView(p);
    }

    /** Whether {@link #lstat} uses the JDK's internals (else the attribute view). */
    static boolean nativeLstat() {
        return Native.GET != null;
    }

    /** {@link #lstat} through the public {@code unix:} attribute view (for tests: the reference). */
    static FsEntry viaView(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        return new FsEntry(p, typeOf(mode), mode & 07777, (Long) a.get("ino"), (Long) a.get("dev"), (Long) a.get("rdev"),
                ((Integer) a.get("nlink")) & 0xffffffffL, ((Integer) a.get("uid")) & 0xffffffffL,
                ((Integer) a.get("gid")) & 0xffffffffL, (Long) a.get("size"), time(a.get("lastModifiedTime")),
                time(a.get("lastAccessTime")), time(a.get("ctime")));
    }

    /** The JDK's lstat, reached through its internals; {@code GET} null if they cannot be reached. */
    static final class Native {
        static final java.nio.file.FileSystem FS = java.nio.file.FileSystems.getDefault();
        static final MethodHandle GET;
        static final Class<?> UNIX_EXCEPTION;
        static final Method TRANSLATE;
        static final VarHandle MODE, INO, DEV, RDEV, NLINK, UID, GID, SIZE, ATIME, ATIME_NS, MTIME, MTIME_NS, CTIME, CTIME_NS;

        static {
            MethodHandle get = null;
            Class<?> unixException = null;
            Method translate = null;
            VarHandle[] v = new VarHandle[14];
            try {
                // (the classes by their instances, not by name: the bundle does not wire to a JDK-internal package)
                Path root = FS.getPath("/");
                Class<?> unixPath = root.getClass();
                Class<?> attrs = Files.readAttributes(root, java.nio.file.attribute.PosixFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS).getClass();
                MethodHandles.Lookup l = MethodHandles.privateLookupIn(attrs, MethodHandles.lookup());
                get = l.findStatic(attrs, "get", MethodType.methodType(attrs, unixPath, boolean.class))
                        .asType(MethodType.methodType(Object.class, Path.class, boolean.class));
                String[] names = {"st_mode", "st_ino", "st_dev", "st_rdev", "st_nlink", "st_uid", "st_gid", "st_size",
                    "st_atime_sec", "st_atime_nsec", "st_mtime_sec", "st_mtime_nsec", "st_ctime_sec", "st_ctime_nsec"};
                for (int i = 0; i < names.length; i++) {
                    Class<?> type = names[i].equals("st_mode") || names[i].equals("st_nlink") || names[i].equals("st_uid")
                            || names[i].equals("st_gid") ? int.class : long.class;
                    v[i] = l.findVarHandle(attrs, names[i], type);
                }
                unixException = attrs.getDeclaredMethod("get", unixPath, boolean.class).getExceptionTypes()[0];
                translate = unixException.getDeclaredMethod("translateToIOException", String.class, String.class);
                translate.setAccessible(true);
            } catch (ReflectiveOperationException | IOException | RuntimeException e) {
                get = null; // not opened to us (or another JDK): the attribute view
            }
            GET = get;
            UNIX_EXCEPTION = unixException;
            TRANSLATE = translate;
            MODE = v[0];
            INO = v[1];
            DEV = v[2];
            RDEV = v[3];
            NLINK = v[4];
            UID = v[5];
            GID = v[6];
            SIZE = v[7];
            ATIME = v[8];
            ATIME_NS = v[9];
            MTIME = v[10];
            MTIME_NS = v[11];
            CTIME = v[12];
            CTIME_NS = v[13];
        }

        static FsEntry lstat(Path p) throws IOException {
            Object a;
            try {
                a = GET.invoke(p, false);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw translate(t, p);
            }
            int mode = (int) MODE.get(a);
            return new FsEntry(p, typeOf(mode), mode & 07777, (long) INO.get(a), (long) DEV.get(a), (long) RDEV.get(a),
                    ((int) NLINK.get(a)) & 0xffffffffL, ((int) UID.get(a)) & 0xffffffffL, ((int) GID.get(a)) & 0xffffffffL,
                    (long) SIZE.get(a), Instant.ofEpochSecond((long) MTIME.get(a), (long) MTIME_NS.get(a)),
                    Instant.ofEpochSecond((long) ATIME.get(a), (long) ATIME_NS.get(a)),
                    Instant.ofEpochSecond((long) CTIME.get(a), (long) CTIME_NS.get(a)));
        }

        /** The JDK's own exception for a failed call (NoSuchFileException, AccessDeniedException, ...). */
        static IOException translate(Throwable t, Path p) {
            if (UNIX_EXCEPTION != null && UNIX_EXCEPTION.isInstance(t)) {
                try {
                    return (IOException) TRANSLATE.invoke(t, p.toString(), null);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return new IOException(p + ": " + t.getMessage(), t);
                }
            }
            return new IOException(p + ": " + t, t);
        }
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
