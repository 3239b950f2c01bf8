package io.backbench.repository.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.backbench.repository.api.BlobIndex;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;

/**
 * All blobs the repository knows, by type and id, plus the blobs this session is writing but has not
 * indexed yet ("pending"), so that two threads saving the same blob store it once. Thread-safe.
 */
final class MasterIndex implements BlobIndex {
    private final Map<Id, PackedBlob> data = new ConcurrentHashMap<>();
    private final Map<Id, PackedBlob> trees = new ConcurrentHashMap<>();
    private final Set<Id> pendingData = ConcurrentHashMap.newKeySet();
    private final Set<Id> pendingTrees = ConcurrentHashMap.newKeySet();

    void add(PackedBlob b) {
        map(b.type()).putIfAbsent(b.id(), b);
    }

    /** Claims a blob for saving: false if it is indexed or another caller claimed it already. */
    boolean claim(BlobType type, Id id) {
        if (map(type).containsKey(id)) {
            return false;
        }
        return pending(type).add(id);
    }

    /** Gives up a claim (the save failed), so a later call may try again. */
    void unclaim(BlobType type, Id id) {
        pending(type).remove(id);
    }

    /** Makes a claimed blob part of the index (its pack is uploaded). */
    void commit(PackedBlob b) {
        add(b);
        pending(b.type()).remove(b.id());
    }

    boolean has(BlobType type, Id id) {
        return map(type).containsKey(id) || pending(type).contains(id);
    }

    void clear() {
        data.clear();
        trees.clear();
    }

    @Override
    public Optional<PackedBlob> lookup(BlobType type, Id id) {
        return Optional.ofNullable(map(type).get(id));
    }

    @Override
    public int size() {
        return data.size() + trees.size();
    }

    @Override
    public void forEach(Consumer<PackedBlob> action) {
        data.values().forEach(action);
        trees.values().forEach(action);
    }

    private Map<Id, PackedBlob> map(BlobType t) {
        return t == BlobType.DATA ? data : trees;
    }

    private Set<Id> pending(BlobType t) {
        return t == BlobType.DATA ? pendingData : pendingTrees;
    }
}
