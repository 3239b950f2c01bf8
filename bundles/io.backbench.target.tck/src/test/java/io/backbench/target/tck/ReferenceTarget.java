package io.backbench.target.tck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
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
import io.backbench.target.api.WriteOnceException;

/**
 * A small, correct target that keeps objects in a map, for testing the kit itself. The broken
 * targets in {@link BrokenTargets} each override one method to break one rule of the contract.
 * Sharing the map between instances makes it "persistent" across a close and reopen.
 */
class ReferenceTarget implements StorageTarget {
    record Stored(byte[] data, Instant modified) {
    }

    final Map<String, Stored> objects;
    private final Set<Capability> capabilities;
    private volatile boolean closed;

    ReferenceTarget(Map<String, Stored> objects, Set<Capability> capabilities) {
        this.objects = objects;
        this.capabilities = Set.copyOf(capabilities);
    }

    ReferenceTarget(Capability... capabilities) {
        this(new ConcurrentHashMap<>(), capabilities.length == 0 ? EnumSet.noneOf(Capability.class)
                : EnumSet.of(capabilities[0], capabilities));
    }

    static ReferenceTarget ordinary() {
        return new ReferenceTarget(Capability.RANDOM_ACCESS, Capability.CONCURRENT_ACCESS, Capability.DELETE);
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public String describe() {
        return "reference:" + System.identityHashCode(objects);
    }

    void checkOpen() throws TargetException {
        if (closed) {
            throw TargetException.permanentFailure(describe() + " is closed", null);
        }
    }

    /** Reads exactly {@code length} bytes or fails. */
    static byte[] readExactly(InputStream data, long length) throws TargetException {
        try {
            byte[] bytes = data.readNBytes((int) length);
            if (bytes.length < length) {
                throw TargetException.permanentFailure("stream ended after " + bytes.length + " of " + length, null);
            }
            return bytes;
        } catch (IOException e) {
            throw TargetException.permanentFailure("reading the stream failed", e);
        }
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        Keys.check(key);
        checkOpen();
        store(key, readExactly(data, length));
    }

    void store(String key, byte[] bytes) throws TargetException {
        Stored stored = new Stored(bytes, Instant.now());
        if (capabilities.contains(Capability.WRITE_ONCE)) {
            if (objects.putIfAbsent(key, stored) != null) {
                throw new WriteOnceException(key + " exists and " + describe() + " is write-once");
            }
        } else {
            objects.put(key, stored);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        Keys.check(key);
        checkOpen();
        Stored s = objects.get(key);
        if (s == null) {
            throw new ObjectNotFoundException(describe(), key);
        }
        int from = (int) Math.min(offset, s.data.length);
        int to = length < 0 ? s.data.length : (int) Math.min(s.data.length, from + Math.min(length, Integer.MAX_VALUE));
        return new ByteArrayInputStream(Arrays.copyOfRange(s.data, from, to));
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        Stored s = objects.get(key);
        return s == null ? Optional.empty() : Optional.of(new ObjectInfo(key, s.data.length, s.modified));
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        Keys.checkPrefix(prefix);
        checkOpen();
        for (Map.Entry<String, Stored> e : objects.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                consumer.accept(new ObjectInfo(e.getKey(), e.getValue().data.length, e.getValue().modified));
            }
        }
    }

    @Override
    public boolean delete(String key) throws TargetException {
        Keys.check(key);
        checkOpen();
        if (capabilities.contains(Capability.WRITE_ONCE) && objects.containsKey(key)) {
            throw new WriteOnceException(key + " is retained by write-once " + describe());
        }
        return objects.remove(key) != null;
    }

    @Override
    public void close() {
        closed = true;
    }
}
