package io.backbench.target.disk.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * A {@link StorageTarget} in a local folder: the key {@code data/3f/3f9a} is the file
 * {@code <folder>/data/3f/3f9a}. Puts are atomic (see {@link AtomicWriter}); readers hold an open
 * file, so an object replaced or deleted while it is read stays whole for that reader. Thread-safe
 * without locks: every operation is one or a few system calls on its own file handles. Several
 * processes may use the same folder at once.
 */
final class DiskTarget implements StorageTarget {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RANDOM_ACCESS,
            Capability.CONCURRENT_ACCESS, Capability.DELETE, Capability.PERSISTENT));
    private static final Set<Capability> LOCAL_CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RANDOM_ACCESS,
            Capability.CONCURRENT_ACCESS, Capability.DELETE, Capability.PERSISTENT, Capability.CONSISTENT_LISTING));
    /**
     * Filesystems on this host's own disks or memory, where a file is in every listing once its
     * rename returns. Network filesystems (NFS and SMB clients cache listings for seconds) and
     * anything unknown are left out: for them the repository keeps restic's wait before it checks
     * lock files.
     */
    private static final Set<String> LOCAL_FILESYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "bcachefs",
            "f2fs", "jfs", "reiserfs", "nilfs2", "zfs", "tmpfs", "ramfs", "overlay", "vfat", "exfat", "ntfs", "ntfs3",
            "fuseblk", "hfsplus", "apfs");

    private final Path root;
    private final boolean fsync;
    private final AtomicWriter writer;
    private final Set<Capability> capabilities;
    private volatile boolean closed;

    DiskTarget(Path root, boolean fsync) {
        this.root = root;
        this.fsync = fsync;
        this.writer = new AtomicWriter(describe(), root, fsync);
        this.capabilities = isLocalFileSystem(fileSystemType(root)) ? LOCAL_CAPABILITIES : CAPABILITIES;
    }

    static boolean isLocalFileSystem(String type) {
        return LOCAL_FILESYSTEMS.contains(type);
    }

    /** The type of the filesystem holding {@code folder} ("ext4", "nfs4", ...), or "" if it cannot be told. */
    static String fileSystemType(Path folder) {
        try {
            return Files.getFileStore(folder).type();
        } catch (IOException | SecurityException e) {
            return "";
        }
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return "disk:" + root;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Path file = resolve(key);
        Objects.requireNonNull(data, "data");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        checkOpen();
        writer.write(key, file, data, length);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Path file = resolve(key);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + key);
        }
        checkOpen();
        if (attributes(file).isEmpty()) {
            throw new ObjectNotFoundException(describe(), key);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            long size = channel.size();
            long from = Math.min(offset, size);
            channel.position(from);
            return new RangeStream(file, channel, length < 0 ? size - from : Math.min(length, size - from));
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(describe(), key); // deleted since we looked
        } catch (IOException e) {
            closeQuietly(channel);
            throw DiskErrors.translate(describe(), "reading '" + key + "'", file, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Path file = resolve(key);
        checkOpen();
        return attributes(file).map(a -> new ObjectInfo(key, a.size(), a.lastModifiedTime().toInstant()));
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        Objects.requireNonNull(consumer, "consumer");
        checkOpen();
        try {
            DiskLister.list(root, prefix, consumer);
        } catch (IOException e) {
            throw DiskErrors.translate(describe(), "listing '" + prefix + "'", root, e);
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Path file = resolve(key);
        checkOpen();
        if (attributes(file).isEmpty()) {
            return false;
        }
        try {
            Files.delete(file);
        } catch (NoSuchFileException e) {
            return false; // another thread or process deleted it first
        } catch (IOException e) {
            throw DiskErrors.translate(describe(), "deleting '" + key + "'", file, e);
        }
        if (fsync) {
            writer.syncFolder(key, file.getParent());
        }
        return true;
    }

    @Override
    public void close() {
        closed = true;
    }

    /** The attributes of an object's file; empty when there is no regular file there. */
    private Optional<BasicFileAttributes> attributes(Path file) throws TargetException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? Optional.of(a) : Optional.empty();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return Optional.empty();
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Not a directory")) {
                return Optional.empty(); // a parent segment is an object's file
            }
            throw DiskErrors.translate(describe(), "looking up", file, e);
        } catch (IOException e) {
            throw DiskErrors.translate(describe(), "looking up", file, e);
        }
    }

    private Path resolve(String key) {
        return root.resolve(Keys.check(key));
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(describe() + " is closed; open the target again", null);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // already failing with the real reason
            }
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
