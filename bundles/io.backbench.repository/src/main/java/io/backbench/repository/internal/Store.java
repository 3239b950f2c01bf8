package io.backbench.repository.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.RepositoryException;
import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * restic's object layout on a storage target ({@code config}, {@code keys/ID}, {@code data/XX/ID},
 * {@code index/ID}, {@code snapshots/ID}, {@code locks/ID}) and the "unpacked" file encoding:
 * encrypted, and in version 2 a version byte 2 then zstd-compressed JSON. Thread-safe.
 */
final class Store {
    static final String CONFIG = "config";
    static final String KEYS = "keys";
    static final String DATA = "data";
    static final String INDEX = "index";
    static final String SNAPSHOTS = "snapshots";
    static final String LOCKS = "locks";
    private static final int UNPACKED_LEVEL = 3;

    final StorageTarget target;

    Store(StorageTarget target) {
        this.target = target;
    }

    static String packKey(Id pack) {
        String hex = pack.hex();
        return DATA + "/" + hex.substring(0, 2) + "/" + hex;
    }

    String describe() {
        return target.describe();
    }

    boolean exists(String key) throws RepositoryException {
        try {
            return target.stat(key).isPresent();
        } catch (TargetException e) {
            throw failed("look up " + key, e);
        }
    }

    byte[] read(String key) throws RepositoryException {
        try (InputStream in = target.get(key)) {
            return in.readAllBytes();
        } catch (ObjectNotFoundException e) {
            throw new RepositoryException("missing " + key + " in " + describe() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw failed("read " + key, e);
        }
    }

    byte[] read(String key, long offset, int length) throws RepositoryException {
        byte[] b = new byte[length];
        readInto(key, offset, length, b);
        return b;
    }

    /** As {@link #read(String, long, int)}, into {@code b[0..length)}. */
    void readInto(String key, long offset, int length, byte[] b) throws RepositoryException {
        try (InputStream in = target.get(key, offset, length)) {
            // into the final array in as few reads as the target allows (readNBytes(int) would read
            // 8 KiB pieces and copy them together: a pack range is megabytes)
            int got = in.readNBytes(b, 0, length);
            if (got != length) {
                throw new RepositoryException(key + " in " + describe() + " is truncated: wanted " + length + " bytes at "
                        + offset + ", got " + got);
            }
        } catch (ObjectNotFoundException e) {
            throw new RepositoryException("missing " + key + " in " + describe() + ": " + e.getMessage(), e);
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw failed("read " + key, e);
        }
    }

    void write(String key, byte[] data, int len) throws RepositoryException {
        try {
            target.put(key, new ByteArrayInputStream(data, 0, len), len);
        } catch (TargetException e) {
            throw failed("write " + key, e);
        }
    }

    boolean delete(String key) throws RepositoryException {
        try {
            return target.delete(key);
        } catch (TargetException e) {
            throw failed("delete " + key, e);
        }
    }

    /** The ids of the files in a folder ({@code keys}, {@code index}, ...); names that are not ids are skipped. */
    List<Id> list(String dir) throws RepositoryException {
        List<Id> out = new ArrayList<>();
        String prefix = dir + "/";
        try {
            target.list(prefix, info -> {
                String name = info.key().substring(info.key().lastIndexOf('/') + 1);
                if (name.length() == 64) {
                    try {
                        out.add(Id.parse(name));
                    } catch (IllegalArgumentException e) {
                        // a stray file: restic ignores it too
                    }
                }
            });
        } catch (TargetException e) {
            throw failed("list " + dir, e);
        }
        return out;
    }

    /** The files in a folder with their sizes; names that are not ids are skipped. */
    java.util.Map<Id, Long> listSizes(String dir) throws RepositoryException {
        java.util.Map<Id, Long> out = new java.util.HashMap<>();
        String prefix = dir + "/";
        try {
            target.list(prefix, info -> {
                String name = info.key().substring(info.key().lastIndexOf('/') + 1);
                if (name.length() == 64) {
                    try {
                        out.put(Id.parse(name), info.size());
                    } catch (IllegalArgumentException e) {
                        // a stray file: restic ignores it too
                    }
                }
            });
        } catch (TargetException e) {
            throw failed("list " + dir, e);
        }
        return out;
    }

    /** Encrypts (and in version 2 compresses) a JSON document into {@code dir/ID}; returns ID. */
    Id saveUnpacked(CryptoKey key, int version, String dir, byte[] json) throws RepositoryException {
        byte[] plain = version >= 2 ? compressUnpacked(json) : json;
        byte[] sealed = key.seal(plain);
        Id id = Id.hash(sealed);
        write(dir + "/" + id.hex(), sealed, sealed.length);
        return id;
    }

    /** Reads {@code dir/ID}, checks its hash, decrypts and decompresses it. */
    byte[] loadUnpacked(CryptoKey key, String dir, Id id) throws RepositoryException {
        String name = dir + "/" + id.hex();
        return openUnpacked(key, name, id, read(name));
    }

    /** The plaintext of the unpacked file {@code name} (named by {@code id}) read as {@code sealed}. */
    byte[] openUnpacked(CryptoKey key, String name, Id id, byte[] sealed) throws RepositoryException {
        if (!Id.hash(sealed).equals(id)) {
            throw new RepositoryException(name + " in " + describe() + " is corrupt: its content does not hash to its name");
        }
        return decodeUnpacked(key.open(sealed), name);
    }

    static byte[] compressUnpacked(byte[] json) {
        byte[] out = new byte[1 + Zstd.maxCompressedLength(json.length)];
        out[0] = 2;
        int n = Zstd.compress(json, 0, json.length, out, 1, UNPACKED_LEVEL);
        return java.util.Arrays.copyOf(out, n + 1);
    }

    /** Plain JSON (first byte '{' or '[') or version byte 2 followed by zstd data. */
    static byte[] decodeUnpacked(byte[] plain, String name) throws RepositoryException {
        if (plain.length == 0 || plain[0] == '{' || plain[0] == '[') {
            return plain;
        }
        if (plain[0] != 2) {
            throw new RepositoryException(name + " has unknown encoding version " + (plain[0] & 0xff));
        }
        try {
            return Zstd.decompress(plain, 1, plain.length - 1);
        } catch (IOException e) {
            throw new RepositoryException(name + ": " + e.getMessage(), e);
        }
    }

    private RepositoryException failed(String what, IOException e) {
        return new RepositoryException("could not " + what + " in " + describe() + ": " + e.getMessage(), e);
    }
}
