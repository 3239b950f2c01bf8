package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpException;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.sftp.internal.SftpErrors.Doing;

/**
 * A {@link StorageTarget} in a folder on an SFTP server: the key {@code data/3f/3f9a} is the file
 * {@code <folder>/data/3f/3f9a}. Every operation leases a session from the pool for its duration
 * (a {@code get} until its stream is closed), so up to {@code connections} operations run in
 * parallel and more wait. Thread-safe. Failures are not retried here: a dead connection gives a
 * retryable {@link TargetException} and the next operation gets a fresh session.
 */
final class SftpTarget implements StorageTarget {
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.RANDOM_ACCESS,
            Capability.CONCURRENT_ACCESS, Capability.DELETE, Capability.PERSISTENT));

    private final String where;
    private final SessionPool pool;
    private final Remote remote;
    private final RemoteFolders folders;
    private final Uploader uploader;
    private volatile boolean closed;

    SftpTarget(String where, SessionPool pool, String root) {
        this.where = where;
        this.pool = pool;
        this.remote = new Remote(pool, where);
        this.folders = new RemoteFolders(where, root);
        this.uploader = new Uploader(where, folders);
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public String describe() {
        return where;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Keys.check(key);
        Objects.requireNonNull(data, "data");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        checkOpen();
        remote.call("writing '" + key + "'", null, folders.path(key), Doing.WRITE, c -> {
            uploader.put(c.sftp(), key, data, length);
            return null;
        });
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Keys.check(key);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + key);
        }
        checkOpen();
        String path = folders.path(key);
        Connection c = pool.lease();
        SftpClient.CloseableHandle handle = null;
        try {
            SftpClient.Attributes a = c.sftp().lstat(path);
            if (!a.isRegularFile()) {
                throw new ObjectNotFoundException(where, key);
            }
            handle = c.sftp().open(path, OpenMode.Read);
            // no fstat for the size: some servers (sshd) answer it from the path, which a put may have
            // renamed a newer object onto since we opened; the open handle's own EOF ends the range
            return new RangeStream(pool, c, handle, where, key, offset, length, a.getSize());
        } catch (IOException e) {
            boolean reusable = (e instanceof TargetException || !SftpErrors.isConnectionFailure(e)) && c.isOpen();
            closeQuietly(handle);
            pool.release(c, reusable);
            throw SftpErrors.translate(where, "reading '" + key + "'", key, path, Doing.READ, e);
        } catch (RuntimeException e) {
            // the session's state is unknown: drop it rather than leak the lease
            closeQuietly(handle);
            pool.release(c, false);
            throw e;
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        String path = folders.path(key);
        return remote.call("looking up '" + key + "'", null, path, Doing.LOOKUP, c -> {
            try {
                SftpClient.Attributes a = c.sftp().lstat(path);
                return a.isRegularFile() ? Optional.of(info(key, a)) : Optional.empty();
            } catch (SftpException e) {
                if (SftpErrors.isMissing(e)) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        Objects.requireNonNull(consumer, "consumer");
        checkOpen();
        // collected first, so the consumer runs without holding a session (it may call this target)
        List<ObjectInfo> found = remote.call("listing '" + prefix + "'", null, folders.root(), Doing.LOOKUP,
                c -> folders.list(c.sftp(), prefix));
        found.forEach(consumer);
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        String path = folders.path(key);
        return remote.call("deleting '" + key + "'", null, path, Doing.OTHER, c -> {
            try {
                if (!c.sftp().lstat(path).isRegularFile()) {
                    return false;
                }
                c.sftp().remove(path);
                return true;
            } catch (SftpException e) {
                if (SftpErrors.isMissing(e)) {
                    return false; // another thread or process deleted it first
                }
                throw e;
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        pool.close();
    }

    private static ObjectInfo info(String key, SftpClient.Attributes a) {
        return new ObjectInfo(key, a.getSize(), a.getModifyTime() == null
                ? java.time.Instant.EPOCH : a.getModifyTime().toInstant());
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(where + " is closed; open the target again", null);
        }
    }

    private static void closeQuietly(SftpClient.CloseableHandle handle) {
        if (handle != null) {
            try {
                handle.close();
            } catch (IOException e) {
                // already failing with the real reason
            }
        }
    }

    @Override
    public String toString() {
        return where;
    }
}
