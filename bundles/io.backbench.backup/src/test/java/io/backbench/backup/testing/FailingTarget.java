package io.backbench.backup.testing;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/**
 * The one fake the fault tests allow: a real target whose puts of pack files fail from the n-th one
 * on with a non-retryable TargetException, as a target that goes away mid-upload does. Everything
 * else (reads, lists, deletes, and writes of other files until then) goes to the real target.
 */
public final class FailingTarget implements StorageTarget {
    public static final String MESSAGE = "injected failure: the storage server refused the upload (HTTP 403)";

    private final StorageTarget real;
    private final int failFrom;
    private final AtomicInteger packPuts = new AtomicInteger();
    private volatile boolean failing;

    public FailingTarget(StorageTarget real, int failFromNthPack) {
        this.real = real;
        this.failFrom = failFromNthPack;
    }

    /** A factory like {@code delegate} whose targets fail from the n-th pack put on. */
    public static TargetFactory factory(TargetFactory delegate, int failFromNthPack) {
        return new TargetFactory() {
            @Override
            public String type() {
                return delegate.type();
            }

            @Override
            public String displayName() {
                return delegate.displayName();
            }

            @Override
            public String description() {
                return delegate.description();
            }

            @Override
            public List<SettingDescriptor> settings() {
                return delegate.settings();
            }

            @Override
            public StorageTarget open(TargetSettings settings) throws TargetException {
                return new FailingTarget(delegate.open(settings), failFromNthPack);
            }
        };
    }

    /** Whether the failure has started. */
    public boolean failing() {
        return failing;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        if (key.startsWith("data/") && packPuts.incrementAndGet() >= failFrom) {
            failing = true;
        }
        if (failing) {
            throw TargetException.permanentFailure(MESSAGE, null);
        }
        real.put(key, data, length);
    }

    @Override
    public Set<Capability> capabilities() {
        return real.capabilities();
    }

    @Override
    public String describe() {
        return real.describe();
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        return real.get(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        return real.stat(key);
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        real.list(prefix, consumer);
    }

    @Override
    public boolean delete(String key) throws TargetException {
        return real.delete(key);
    }

    @Override
    public void close() throws TargetException {
        real.close();
    }
}
