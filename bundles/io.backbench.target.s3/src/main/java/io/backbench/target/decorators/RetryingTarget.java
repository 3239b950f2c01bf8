package io.backbench.target.decorators;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.RetryReporting;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * Repeats calls that fail with a retryable {@link TargetException} (dropped connections,
 * throttling, a server's 5xx), under a {@link RetryPolicy}, and tells a {@link RetryListener} about
 * each retry (and, as {@link RetryReporting}, every log added later, such as a job run's). Keeps the
 * {@link StorageTarget} contract:
 * <ul>
 * <li>{@code put}: the data is replayed on each attempt; a stream that supports mark/reset is
 *     rewound, any other is first copied to memory or, when large, to a temporary file
 *     ({@link ReplayableSource});</li>
 * <li>{@code get}: opening is retried, and a stream that breaks while read is reopened at the
 *     position reached (on {@link Capability#RANDOM_ACCESS} targets), so the reader sees one
 *     unbroken stream;</li>
 * <li>{@code list}: a retried listing never reports a key twice;</li>
 * <li>{@code delete}: a retry after a lost answer may return {@code false} for an object the first
 *     attempt deleted.</li>
 * </ul>
 * Thread-safe if the delegate is; a retrying call waits on the calling thread.
 */
public final class RetryingTarget implements StorageTarget, RetryReporting {
    private final StorageTarget delegate;
    private final Retry retry;
    private final long spoolInMemoryUpTo;
    private final List<Consumer<String>> added = new CopyOnWriteArrayList<>();

    /** Retries with {@code policy}; non-replayable puts up to 32 MiB are copied to memory. */
    public RetryingTarget(StorageTarget delegate, RetryPolicy policy, RetryListener listener) {
        this(delegate, policy, listener, 32L << 20);
    }

    public RetryingTarget(StorageTarget delegate, RetryPolicy policy, RetryListener listener, long spoolInMemoryUpTo) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(listener, "listener");
        this.retry = new Retry(Objects.requireNonNull(policy, "policy"), (target, op, attempt, delay, cause) -> {
            listener.retrying(target, op, attempt, delay, cause);
            if (!added.isEmpty()) {
                String line = RetryListener.describe(target, op, attempt, policy.maxAttempts(), delay, cause);
                for (Consumer<String> log : added) {
                    log.accept(line);
                }
            }
        });
        this.spoolInMemoryUpTo = spoolInMemoryUpTo;
    }

    /** Also writes every later retry as one line ({@link RetryListener#describe}) to {@code log}. */
    @Override
    public void addRetryLog(Consumer<String> log) {
        added.add(Objects.requireNonNull(log, "log"));
    }

    @Override
    public void removeRetryLog(Consumer<String> log) {
        added.remove(log);
    }

    /** The decorated target. */
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
        Keys.check(key);
        Objects.requireNonNull(data, "data");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        if (retry.policy().maxAttempts() == 1) {
            delegate.put(key, data, length);
            return;
        }
        try (ReplayableSource source = ReplayableSource.of(describe(), key, data, length, spoolInMemoryUpTo)) {
            retry.call(describe(), "put " + key, () -> {
                delegate.put(key, source.open(), length);
                return null;
            });
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        InputStream in = retry.call(describe(), "get " + key, () -> delegate.get(key, offset, length));
        if (!delegate.capabilities().contains(Capability.RANDOM_ACCESS)) {
            return in;
        }
        return new ResumingStream(in, retry, delegate, key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        return retry.call(describe(), "stat " + key, () -> delegate.stat(key));
    }

    /** Keys already reported are remembered, so an attempt after a broken listing skips them. */
    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        Objects.requireNonNull(consumer, "consumer");
        Set<String> reported = new HashSet<>();
        retry.call(describe(), "list " + prefix, () -> {
            delegate.list(prefix, info -> {
                if (reported.add(info.key())) {
                    consumer.accept(info);
                }
            });
            return null;
        });
    }

    @Override
    public boolean delete(String key) throws TargetException {
        return retry.call(describe(), "delete " + key, () -> delegate.delete(key));
    }

    @Override
    public void close() throws TargetException {
        delegate.close();
    }

    @Override
    public String toString() {
        return "retrying " + delegate;
    }

    /** Closes quietly on behalf of a caller that is already failing. */
    static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the caller reports the real failure
        }
    }
}
