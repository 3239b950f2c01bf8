package io.backbench.repository.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.repository.api.BlobIndex;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Chunker;
import io.backbench.repository.api.Compression;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.KeyInfo;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryConfig;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryLock;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.Snapshot;
import io.backbench.repository.api.StoredSnapshot;
import io.backbench.repository.api.Tree;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.StorageTarget;

/** A repository in restic's format on a storage target. See {@link Repository} for the contract. */
public final class ResticRepository implements Repository {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Store store;
    private final CryptoKey master;
    private final RepositoryConfig config;
    private final RepositoryOptions options;
    private final MasterIndex index = new MasterIndex();
    private final PackWriter packs;
    private final BlobCodec blobs;
    private final PackRangeReader packRanges;
    private final TreePacks treePacks;
    private final Locker locker;
    private final IndexFiles indexFiles;
    private final Set<RepositoryLock> heldLocks = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicBoolean indexing = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicLong packsIndexedEarly = new java.util.concurrent.atomic.AtomicLong();
    private volatile Id keyId;

    private ResticRepository(Store store, CryptoKey master, Id keyId, RepositoryConfig config, RepositoryOptions options) {
        this.store = store;
        this.master = master;
        this.keyId = keyId;
        this.config = config;
        this.options = options;
        IndexCache cache = options.cacheDir() == null ? null : new IndexCache(IndexCache.folder(options.cacheDir(), config.id()));
        this.packs = new PackWriter(store, master, config.version(), options.packSize(), index, this::indexFinishedPacks, cache);
        this.blobs = new BlobCodec(master, config.version(), options.compression());
        this.packRanges = new PackRangeReader(store, blobs);
        this.treePacks = new TreePacks(store, index,
                options.cacheDir() == null ? null : new TreeCopies(TreeCopies.folder(options.cacheDir(), config.id())));
        this.locker = new Locker(store, master, config.version());
        this.indexFiles = new IndexFiles(store, master, cache);
    }

    public static ResticRepository init(StorageTarget target, char[] password, RepositoryOptions options, Long polynomial)
            throws RepositoryException {
        Store store = new Store(target);
        if (store.exists(Store.CONFIG)) {
            throw new RepositoryException("a repository already exists at " + store.describe() + " (it has a config file); open it instead");
        }
        long pol = polynomial != null ? polynomial : Polynomial.randomIrreducible(RANDOM);
        if (Polynomial.degree(pol) != 53 || !Polynomial.irreducible(pol)) {
            throw new IllegalArgumentException("chunker polynomial " + Long.toHexString(pol) + " is not irreducible of degree 53");
        }
        CryptoKey master = CryptoKey.random();
        byte[] keyJson = KeyFile.create(master, password, options.kdf());
        Id keyId = Id.hash(keyJson);
        String keyName = Store.KEYS + "/" + keyId.hex();
        store.write(keyName, keyJson, keyJson.length);
        byte[] idBytes = new byte[32];
        RANDOM.nextBytes(idBytes);
        RepositoryConfig config = new RepositoryConfig(2, Id.of(idBytes).hex(), pol);
        // config stays plain JSON: restic reads it before it knows the version
        byte[] sealed = master.seal(new JsonWriter().beginObject().field("version", 2).field("id", config.id())
                .field("chunker_polynomial", Long.toHexString(pol)).endObject().toBytes());
        try {
            store.write(Store.CONFIG, sealed, sealed.length);
        } catch (RepositoryException | RuntimeException e) {
            // no half repository: a key without a config would be left for every later init and open to meet
            try {
                store.delete(keyName);
            } catch (RepositoryException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        return new ResticRepository(store, master, keyId, config, options);
    }

    public static ResticRepository open(StorageTarget target, char[] password, RepositoryOptions options) throws RepositoryException {
        Store store = new Store(target);
        if (!store.exists(Store.CONFIG)) {
            throw new RepositoryException("no repository at " + store.describe() + ": there is no config file (initialise one first)");
        }
        byte[] sealedConfig = store.read(Store.CONFIG);
        // (in the order of their ids, as restic and an object store list them)
        List<Id> keys = new ArrayList<>(store.list(Store.KEYS));
        Collections.sort(keys);
        Id foreign = null;
        for (Id id : keys) {
            String what = "key " + id.shortHex() + " in " + store.describe();
            CryptoKey master = KeyFile.parse(store.read(Store.KEYS + "/" + id.hex()), what).open(password, what);
            if (master == null) {
                continue;
            }
            if (!master.authenticates(sealedConfig)) {
                // a key this password opens, of another master key: one left by an init that was cut
                // short before it wrote the config (the init of an older Backbench, or of another tool)
                foreign = id;
                continue;
            }
            ResticRepository repo = new ResticRepository(store, master, id, readConfig(store, master, sealedConfig), options);
            repo.indexFiles.readInBackground(repo.index);
            return repo;
        }
        if (foreign != null) {
            throw new RepositoryException("the password opens key " + foreign.shortHex() + " in " + store.describe()
                    + ", but no key it opens belongs to the repository's config: the config was replaced or damaged,"
                    + " or the key was left by an interrupted 'repo init'. Try another password of this repository");
        }
        throw new WrongPasswordException(store.describe());
    }

    private static RepositoryConfig readConfig(Store store, CryptoKey master, byte[] sealed) throws RepositoryException {
        String what = "config of " + store.describe();
        byte[] json = Store.decodeUnpacked(master.open(sealed), what);
        Map<String, Object> m = JsonReader.parseObject(json, what);
        int version = (int) Json.number(m, "version", what);
        if (version != 1 && version != 2) {
            throw new RepositoryException(what + " has format version " + version + "; only versions 1 and 2 are known");
        }
        long pol;
        try {
            pol = Long.parseUnsignedLong(Json.string(m, "chunker_polynomial", what), 16);
        } catch (NumberFormatException e) {
            throw new RepositoryException(what + ": chunker_polynomial is not hexadecimal");
        }
        return new RepositoryConfig(version, Json.string(m, "id", what), pol);
    }

    @Override
    public RepositoryConfig config() {
        return config;
    }

    @Override
    public String describe() {
        return store.describe();
    }

    @Override
    public Chunker newChunker() {
        return new RabinChunker(config.chunkerPolynomial());
    }

    @Override
    public Id saveBlob(BlobType type, byte[] data, int off, int len) throws RepositoryException {
        Id id = Id.hash(data, off, len);
        saveBlob(type, id, data, off, len);
        return id;
    }

    @Override
    public boolean saveBlob(BlobType type, Id id, byte[] data, int off, int len) throws RepositoryException {
        return saveBlob(type, id, data, off, len, Compression.AUTO_LEVEL);
    }

    @Override
    public boolean saveBlob(BlobType type, Id id, byte[] data, int off, int len, int autoLevel) throws RepositoryException {
        if (autoLevel < 1 || autoLevel > BlobCodec.LEVEL_MAX) {
            throw new IllegalArgumentException("zstd level must be 1 to " + BlobCodec.LEVEL_MAX + ", got " + autoLevel);
        }
        index.ready();
        if (!index.claim(type, id)) {
            return false;
        }
        try {
            BlobCodec.Sealed s = blobs.seal(type, data, off, len, autoLevel);
            packs.add(type, id, s.bytes(), s.length(), s.uncompressedLength());
        } catch (RepositoryException | RuntimeException e) {
            index.unclaim(type, id);
            throw e;
        }
        indexFinishedPacks();
        return true;
    }

    /**
     * So that a killed session's packs are reused by the next one, an index file is written for the
     * finished packs once 4 of them wait, then once half as many as indexed so far wait (at most
     * 256): a crash loses at most a third of the work, and a big backup writes few index files.
     * Open packs stay open. Runs on a saving thread after each blob and on an uploader thread after
     * each pack; one at a time, the others go on.
     */
    private void indexFinishedPacks() throws RepositoryException {
        int waiting = packs.unindexedPacks();
        if (waiting < Math.min(256, Math.max(4, packsIndexedEarly.get() / 2)) || !indexing.compareAndSet(false, true)) {
            return;
        }
        try {
            packsIndexedEarly.addAndGet(waiting);
            packs.writeIndex();
        } finally {
            indexing.set(false);
        }
    }

    @Override
    public boolean hasBlob(BlobType type, Id id) {
        return index.has(type, id);
    }

    @Override
    public byte[] loadBlob(BlobType type, Id id) throws RepositoryException {
        return loadBlob(type, id, true);
    }

    @Override
    public byte[] loadBlob(BlobType type, Id id, boolean checkId) throws RepositoryException {
        index.ready();
        PackedBlob b = index.lookup(type, id).orElse(null);
        if (b == null && index.has(type, id)) {
            flush(); // it sits in a pack not uploaded yet
            b = index.lookup(type, id).orElse(null);
        }
        if (b == null) {
            throw new RepositoryException(type.jsonName() + " blob " + id.shortHex() + " is not in the index of " + describe());
        }
        if (type == BlobType.TREE) {
            TreePacks.Slice s = treePacks.slice(b);
            if (s != null) {
                return blobs.open(b, s.bytes(), s.offset(), b.length(), checkId);
            }
        }
        byte[] raw = store.read(Store.packKey(b.pack()), b.offset(), b.length());
        return blobs.open(b, raw, 0, raw.length, checkId);
    }

    @Override
    public void loadBlobs(List<PackedBlob> wanted, BlobReceiver receiver) throws java.io.IOException {
        loadBlobs(wanted, true, receiver);
    }

    @Override
    public void loadBlobs(List<PackedBlob> wanted, boolean checkIds, BlobReceiver receiver) throws java.io.IOException {
        packRanges.load(wanted, checkIds, receiver);
    }

    @Override
    public Id saveTree(Tree tree) throws RepositoryException {
        byte[] json = TreeCodec.encode(tree);
        return saveBlob(BlobType.TREE, json, 0, json.length);
    }

    @Override
    public Tree loadTree(Id id) throws RepositoryException {
        return TreeCodec.decode(loadBlob(BlobType.TREE, id), "tree " + id.shortHex());
    }

    @Override
    public void flush() throws RepositoryException {
        packs.flush();
    }

    @Override
    public Id saveSnapshot(Snapshot snapshot) throws RepositoryException {
        flush();
        return store.saveUnpacked(master, config.version(), Store.SNAPSHOTS, SnapshotCodec.encode(snapshot));
    }

    @Override
    public List<Id> listSnapshots() throws RepositoryException {
        return store.list(Store.SNAPSHOTS);
    }

    @Override
    public Snapshot loadSnapshot(Id id) throws RepositoryException {
        return SnapshotCodec.decode(store.loadUnpacked(master, Store.SNAPSHOTS, id), "snapshot " + id.shortHex());
    }

    @Override
    public List<StoredSnapshot> snapshots() throws RepositoryException {
        List<StoredSnapshot> out = new ArrayList<>();
        for (Id id : listSnapshots()) {
            out.add(new StoredSnapshot(id, loadSnapshot(id)));
        }
        out.sort(Comparator.comparing((StoredSnapshot s) -> s.snapshot().time()));
        return out;
    }

    @Override
    public BlobIndex index() {
        return index;
    }

    @Override
    public void reloadIndex() throws RepositoryException {
        index.settle(); // a file that failed at open may have been repaired since
        indexFiles.read(index);
    }

    @Override
    public RepositoryLock lock(boolean exclusive) throws RepositoryException {
        return lock(exclusive, true);
    }

    /** As {@link #lock(boolean)}; without {@code needIndex}, whether the index files could be read does not matter (a rebuild). */
    RepositoryLock lock(boolean exclusive, boolean needIndex) throws RepositoryException {
        RepositoryLock l = locker.acquire(exclusive);
        try {
            if (needIndex) {
                index.ready(); // read while the lock waited; a lock is taken to use the index
            }
        } catch (RepositoryException e) {
            l.close();
            throw e;
        }
        heldLocks.add(l);
        return new RepositoryLock() {
            @Override
            public boolean exclusive() {
                return exclusive;
            }

            @Override
            public void close() throws RepositoryException {
                heldLocks.remove(l);
                l.close();
            }
        };
    }

    /** Removes stale lock files; returns how many (restic's {@code unlock}). */
    public int removeStaleLocks() throws RepositoryException {
        return locker.removeStale();
    }

    /** Removes every lock file, stale or not (restic's {@code unlock --remove-all}); returns how many. */
    public int removeAllLocks() throws RepositoryException {
        return locker.removeAll();
    }

    // For the operations in this package (check, prune, index rebuild): the raw parts.
    Store store() {
        return store;
    }

    CryptoKey master() {
        return master;
    }

    BlobCodec blobCodec() {
        return blobs;
    }

    /** A pack writer that uploads packs but leaves index files to the caller (prune, rebuild). */
    PackWriter newPackWriter(MasterIndex scratch) {
        return new PackWriter(store, master, config.version(), options.packSize(), scratch);
    }

    /**
     * Forgets the in-memory index and reads the index files again. Only under an exclusive lock after
     * a flush: blobs this session uploaded but did not index yet would be lost from the map.
     */
    void replaceIndex() throws RepositoryException {
        index.settle();
        flush();
        index.clear();
        indexFiles.read(index);
    }

    /**
     * For a check, which reads the index files itself and reports those it cannot: the index becomes
     * {@code blobs} (a failure of the reading at open is forgotten).
     */
    void indexFrom(List<PackedBlob> blobs) throws RepositoryException {
        index.settle();
        index.clear();
        blobs.forEach(index::add);
    }

    /** The implementation behind a {@link Repository} from {@link io.backbench.repository.api.Repositories}. */
    /** Trees from now on come from the repository itself, never from the copies on this machine (for check). */
    void treesFromRepositoryOnly() {
        treePacks.fromRepositoryOnly();
    }

    public static ResticRepository of(Repository repo) {
        if (repo instanceof ResticRepository r) {
            return r;
        }
        throw new IllegalArgumentException("not a repository opened through Repositories: " + repo);
    }

    @Override
    public List<KeyInfo> keys() throws RepositoryException {
        List<KeyInfo> out = new ArrayList<>();
        for (Id id : store.list(Store.KEYS)) {
            KeyFile k = KeyFile.parse(store.read(Store.KEYS + "/" + id.hex()), "key " + id.shortHex());
            out.add(new KeyInfo(id, id.equals(keyId), k.username, k.hostname, k.created));
        }
        return out;
    }

    @Override
    public Id addKey(char[] password) throws RepositoryException {
        byte[] json = KeyFile.create(master, password, options.kdf());
        Id id = Id.hash(json);
        store.write(Store.KEYS + "/" + id.hex(), json, json.length);
        return id;
    }

    @Override
    public void removeKey(Id id) throws RepositoryException {
        if (id.equals(keyId)) {
            throw new RepositoryException("key " + id.shortHex() + " is the one this session opened " + describe()
                    + " with; it cannot be removed (open with another password, or change the password instead)");
        }
        try (RepositoryLock l = locker.acquire(true)) {
            if (!store.delete(Store.KEYS + "/" + id.hex())) {
                throw new RepositoryException("no key " + id.shortHex() + " in " + describe());
            }
        }
    }

    @Override
    public Id changePassword(char[] newPassword) throws RepositoryException {
        try (RepositoryLock l = locker.acquire(true)) {
            Id fresh = addKey(newPassword);
            store.delete(Store.KEYS + "/" + keyId.hex());
            keyId = fresh;
            return fresh;
        }
    }

    @Override
    public void close() throws RepositoryException {
        try {
            flush();
        } finally {
            for (RepositoryLock l : List.copyOf(heldLocks)) {
                l.close();
            }
            heldLocks.clear();
        }
    }
}
