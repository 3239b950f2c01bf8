package io.backbench.repository.oracle;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import io.backbench.target.api.Capability;
import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * A decorator over a real target that records every put and delete, in order ("put index/..",
 * "delete data/.."), and apart from them every read, as key, offset and length.
 */
public final class RecordingTarget implements StorageTarget {
    /** One {@code get}: {@code length} is -1 for the rest of the object. */
    public record Read(String key, long offset, long length) {
    }

    private final StorageTarget inner;
    public final List<String> events = Collections.synchronizedList(new ArrayList<>());
    public final List<Read> reads = Collections.synchronizedList(new ArrayList<>());

    public RecordingTarget(StorageTarget inner) {
        this.inner = inner;
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }

    @Override
    public String describe() {
        return inner.describe();
    }

    @Override
    public void put(String key, InputStream data, long length) throws TargetException {
        inner.put(key, data, length);
        events.add("put " + key);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws TargetException {
        reads.add(new Read(key, offset, length));
        return inner.get(key, offset, length);
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws TargetException {
        return inner.stat(key);
    }

    @Override
    public void list(String prefix, Consumer<ObjectInfo> consumer) throws TargetException {
        inner.list(prefix, consumer);
    }

    @Override
    public boolean delete(String key) throws TargetException {
        events.add("delete " + key);
        return inner.delete(key);
    }

    @Override
    public void close() throws TargetException {
        inner.close();
    }
}
