package io.backbench.target.memory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.Keys;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.WriteOnceException;

/**
 * A {@link StorageTarget} in memory. Thread-safe: objects live in a concurrent map of immutable
 * byte arrays, so a put replaces an object in one step and readers never see a part of it.
 * Capabilities: {@link Capability#RANDOM_ACCESS}, {@link Capability#CONCURRENT_ACCESS} and
 * {@link Capability#DELETE}; in write-once mode {@link Capability#WRITE_ONCE} instead of DELETE.
 * An object is at most {@value #MAX_OBJECT_SIZE} bytes (a Java array).
 *
 * <p>{@link #share()} gives another handle on the same objects with its own open/closed state, so
 * one store can be handed out many times and each user can close its handle.
 */
public final class MemoryTarget implements StorageTarget {
    /** The largest object this target holds. */
    public static final int MAX_OBJECT_SIZE = Integer.MAX_VALUE - 8;

    private record Stored(byte[] data, Instant modified) {
        ObjectInfo info(String key) {
            return new ObjectInfo(key, data.length, modified);
        }
    }

    private final String name;
    private final boolean writeOnce;
    private final Map<String, Stored> objects;
    private final Set<Capability> capabilities;
    private volatile boolean closed;

    private MemoryTarget(String name, boolean writeOnce, Map<String, Stored> objects) {
        this.name = Objects.requireNonNull(name, "name");
        this.writeOnce = writeOnce;
        this.objects = objects;
        this.capabilities = writeOnce
                ? Set.copyOf(EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.WRITE_ONCE,
                        Capability.CONSISTENT_LISTING))
                : Set.copyOf(EnumSet.of(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE,
                        Capability.CONSISTENT_LISTING));
    }

    /** An empty target; {@code name} appears in {@link #describe()} and in messages. */
    public MemoryTarget(String name) {
        this(name, false, new ConcurrentHashMap<>());
    }

    /** An empty write-once target: objects can be added but never replaced or deleted. */
    public static MemoryTarget writeOnce(String name) {
        return new MemoryTarget(name, true, new ConcurrentHashMap<>());
    }

    /** Another open handle on the same objects; closing either leaves the other open. */
    public MemoryTarget share() {
        return new MemoryTarget(name, writeOnce, objects);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return "memory:" + name;
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Keys.check(key);
        Objects.requireNonNull(data, "data");
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length + " for " + key);
        }
        checkOpen();
        if (length > MAX_OBJECT_SIZE) {
            throw new TargetFullException(describe() + " cannot hold '" + key + "' of " + length
                    + " bytes: an in-memory object is at most " + MAX_OBJECT_SIZE + " bytes; use a disk or cloud target",
                    null);
        }
        Stored stored = new Stored(readExactly(key, data, (int) length), Instant.now());
        if (writeOnce) {
            if (objects.putIfAbsent(key, stored) != null) {
                throw new WriteOnceException("'" + key + "' already exists in write-once " + describe()
                        + " and cannot be replaced");
            }
        } else {
            objects.put(key, stored);
        }
    }

    private byte[] readExactly(String key, InputStream data, int length) throws TargetException {
        byte[] bytes;
        try {
            bytes = data.readNBytes(length);
        } catch (IOException e) {
            boolean retryable = e instanceof TargetException te && te.isRetryable();
            throw new TargetException("reading the data for '" + key + "' failed; nothing was stored in "
                    + describe() + ": " + e.getMessage(), e, retryable);
        } catch (OutOfMemoryError e) {
            throw new TargetFullException(describe() + " is full: no memory left for '" + key + "' (" + length
                    + " bytes); give the JVM more memory or use a disk target", null);
        }
        if (bytes.length < length) {
            throw TargetException.permanentFailure("the data for '" + key + "' ended after " + bytes.length + " of "
                    + length + " bytes; nothing was stored in " + describe(), null);
        }
        return bytes;
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Keys.check(key);
        if (offset < 0) {
            throw new IllegalArgumentException("negative offset " + offset + " for " + key);
        }
        checkOpen();
        Stored s = objects.get(key);
        if (s == null) {
            throw new ObjectNotFoundException(describe(), key);
        }
        int size = s.data.length;
        int from = (int) Math.min(offset, size);
        int count = (int) (length < 0 ? size - from : Math.min(length, size - from));
        // the array is never modified after a put, so the stream can read it without copying
        return new ByteArrayInputStream(s.data, from, count);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        Stored s = objects.get(key);
        return s == null ? Optional.empty() : Optional.of(s.info(key));
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        Objects.requireNonNull(consumer, "consumer");
        checkOpen();
        for (Map.Entry<String, Stored> e : objects.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                consumer.accept(e.getValue().info(e.getKey()));
            }
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        if (writeOnce) {
            if (objects.containsKey(key)) {
                throw new WriteOnceException("'" + key + "' is kept by write-once " + describe() + " and cannot be deleted");
            }
            return false;
        }
        return objects.remove(key) != null;
    }

    @Override
    public void close() {
        closed = true;
    }

    private void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(describe() + " is closed; open the target again", null);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
