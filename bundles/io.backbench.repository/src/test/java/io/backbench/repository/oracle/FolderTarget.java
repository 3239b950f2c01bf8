package io.backbench.repository.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
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
 * Test-only storage target: keys are paths below a folder, as restic's local backend lays a
 * repository out, so the real restic binary reads what we write and we read what it writes.
 */
public final class FolderTarget implements StorageTarget {
    private final Path root;
    private final Set<Capability> capabilities;

    public FolderTarget(Path root) {
        this(root, EnumSet.noneOf(Capability.class));
    }

    /** The same, declaring {@code capabilities} (such as CONSISTENT_LISTING, which a local folder has). */
    public FolderTarget(Path root, Set<Capability> capabilities) {
        this.root = root;
        this.capabilities = Set.copyOf(capabilities);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return "folder:" + root;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Path p = root.resolve(Keys.check(key));
        try {
            Files.createDirectories(p.getParent());
            Path tmp = Files.createTempFile(p.getParent(), ".tmp", "");
            try (var out = Files.newOutputStream(tmp)) {
                long n = data.transferTo(out);
                if (n != length) {
                    throw new TargetException("short input for " + key, false);
                }
            }
            Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot write " + key + ": " + e, e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Path p = root.resolve(Keys.check(key));
        try {
            FileChannel ch = FileChannel.open(p, StandardOpenOption.READ);
            ch.position(offset);
            InputStream in = Channels.newInputStream(ch);
            return length < 0 ? in : new java.io.FilterInputStream(in) {
                long left = length;

                @Override
                public int read() throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int b = super.read();
                    if (b >= 0) {
                        left--;
                    }
                    return b;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = super.read(b, off, (int) Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
        } catch (NoSuchFileException e) {
            throw new ObjectNotFoundException(describe(), key);
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot read " + key + ": " + e, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Path p = root.resolve(Keys.check(key));
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ObjectInfo(key, Files.size(p), Files.getLastModifiedTime(p).toInstant()));
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot stat " + key, e);
        }
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try {
            // a file renamed or deleted by another thread while we walk is simply not listed
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    String key = root.relativize(p).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && key.startsWith(prefix) && !p.getFileName().toString().startsWith(".tmp")) {
                        consumer.accept(new ObjectInfo(key, attrs.size(), attrs.lastModifiedTime().toInstant()));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot list " + prefix, e);
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        try {
            return Files.deleteIfExists(root.resolve(Keys.check(key)));
        } catch (IOException e) {
            throw TargetException.permanentFailure("cannot delete " + key, e);
        }
    }

    @Override
    public void close() {
    }
}
