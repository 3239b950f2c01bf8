package io.backbench.target.decorators;

import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * Limits the bytes per second a target uploads ({@code put}) and downloads ({@code get}), summed
 * over all threads. The limit applies to the data as it is handed to or read from the delegate: a
 * target that buffers a part before sending it sends in bursts, but never faster on average.
 * Thread-safe if the delegate is.
 */
public final class RateLimitedTarget implements StorageTarget {
    private final StorageTarget delegate;
    private final RateLimiter upload;
    private final RateLimiter download;

    /**
     * @param uploadBytesPerSecond   the upload limit; 0 or less for none
     * @param downloadBytesPerSecond the download limit; 0 or less for none
     */
    public RateLimitedTarget(StorageTarget delegate, long uploadBytesPerSecond, long downloadBytesPerSecond) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.upload = uploadBytesPerSecond > 0 ? new RateLimiter(uploadBytesPerSecond) : null;
        this.download = downloadBytesPerSecond > 0 ? new RateLimiter(downloadBytesPerSecond) : null;
    }

    public StorageTarget delegate() {
        return delegate;
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        delegate.put(key, upload == null || data == null ? data : new ThrottledStream(data, upload), length);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        InputStream in = delegate.get(key, offset, length);
        return download == null ? in : new ThrottledStream(in, download);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        return delegate.stat(key);
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        delegate.list(prefix, consumer);
    }

    @Override
    public boolean delete(String key) throws TargetException {
        return delegate.delete(key);
    }

    @Override
    public void close() throws TargetException {
        delegate.close();
    }

    @Override
    public String toString() {
        return "rate-limited " + delegate;
    }
}
