package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.RepositoryException;

/** Index files as restic's JSON: packs, each with its blobs' id, type, offset, length and uncompressed length. */
final class IndexCodec {
    private IndexCodec() {
    }

    /** One pack's entries; every blob's {@code pack()} is {@code pack}. */
    record PackEntries(Id pack, List<PackedBlob> blobs) {
    }

    /** A decoded index file. */
    record IndexFile(List<Id> supersedes, List<PackedBlob> blobs) {
    }

    static byte[] encode(List<PackEntries> packs, List<Id> supersedes) {
        JsonWriter w = new JsonWriter().beginObject();
        if (!supersedes.isEmpty()) {
            w.name("supersedes").beginArray();
            for (Id id : supersedes) {
                w.value(id);
            }
            w.endArray();
        }
        w.name("packs").beginArray();
        for (PackEntries p : packs) {
            w.beginObject().field("id", p.pack()).name("blobs").beginArray();
            for (PackedBlob b : p.blobs()) {
                w.beginObject().field("id", b.id()).field("type", b.type().jsonName())
                        .field("offset", b.offset()).field("length", b.length());
                if (b.uncompressedLength() != 0) {
                    w.field("uncompressed_length", b.uncompressedLength());
                }
                w.endObject();
            }
            w.endArray().endObject();
        }
        return w.endArray().endObject().toBytes();
    }

    static IndexFile decode(byte[] json, String what) throws RepositoryException {
        // pulled member by member: a map per blob costs more than the rest of opening a repository
        JsonReader r = JsonReader.of(json, what);
        List<Id> supersedes = new ArrayList<>();
        List<PackedBlob> blobs = new ArrayList<>();
        try {
            for (boolean more = r.begin('{', '}'); more; more = r.next('}')) {
                String key = r.name();
                if (key.equals("supersedes")) {
                    List<Object> sup = list(r.anyValue(), key, what);
                    supersedes.clear();
                    if (sup != null) {
                        for (Object o : sup) {
                            supersedes.add(Json.parseId(String.valueOf(o), what));
                        }
                    }
                } else if (key.equals("packs") && r.peek() == '[') {
                    blobs.clear();
                    for (boolean el = r.begin('[', ']'); el; el = r.next(']')) {
                        pack(r, blobs, what);
                    }
                } else if (key.equals("packs")) {
                    list(r.anyValue(), key, what); // null, or the error
                } else {
                    r.anyValue();
                }
            }
            r.end();
        } catch (IndexOutOfBoundsException e) {
            throw r.unexpectedEnd();
        }
        return new IndexFile(supersedes, blobs);
    }

    /** One entry of "packs": {"id": ..., "blobs": [...]}, members in any order. */
    private static void pack(JsonReader r, List<PackedBlob> out, String what) throws RepositoryException {
        if (r.peek() != '{') {
            throw new RepositoryException(what + ": JSON object expected");
        }
        Object packId = null;
        List<Object[]> found = null; // id, type, offset, length, uncompressed_length
        for (boolean more = r.begin('{', '}'); more; more = r.next('}')) {
            String key = r.name("blobs", "id");
            if (key.equals("id")) {
                packId = r.idValue();
            } else if (key.equals("blobs") && r.peek() == '[') {
                found = new ArrayList<>();
                for (boolean el = r.begin('[', ']'); el; el = r.next(']')) {
                    if (r.peek() != '{') {
                        throw new RepositoryException(what + ": JSON object expected");
                    }
                    Object[] b = new Object[5];
                    for (boolean m = r.begin('{', '}'); m; m = r.next('}')) {
                        switch (r.name("id", "type", "offset", "length", "uncompressed_length")) {
                            case "id" -> b[0] = r.idValue();
                            case "type" -> b[1] = r.value("data", "tree");
                            case "offset" -> b[2] = r.longValue();
                            case "length" -> b[3] = r.longValue();
                            case "uncompressed_length" -> b[4] = r.longValue();
                            default -> r.anyValue();
                        }
                    }
                    found.add(b);
                }
            } else if (key.equals("blobs")) {
                list(r.anyValue(), key, what);
                found = null;
            } else {
                r.anyValue();
            }
        }
        Id pack = id(packId, what);
        if (found == null) {
            return;
        }
        for (Object[] b : found) {
            if (!(b[1] instanceof String type)) {
                throw new RepositoryException(what + ": member 'type' missing or not a string");
            }
            BlobType t = switch (type) {
                case "data" -> BlobType.DATA;
                case "tree" -> BlobType.TREE;
                default -> throw new RepositoryException(what + ": unknown blob type '" + type + "'");
            };
            out.add(new PackedBlob(id(b[0], what), t, pack, number(b[2], "offset", what),
                    (int) number(b[3], "length", what), b[4] instanceof Long l ? (int) (long) l : 0));
        }
    }

    /** An id as {@link JsonReader#idValue} gave it: an {@code Id}, or a string that is not one (the error says so). */
    private static Id id(Object v, String what) throws RepositoryException {
        if (v instanceof Id id) {
            return id;
        }
        if (!(v instanceof String s)) {
            throw new RepositoryException(what + ": member 'id' missing or not a string");
        }
        return Json.parseId(s, what);
    }

    private static long number(Object v, String key, String what) throws RepositoryException {
        if (!(v instanceof Long l)) {
            throw new RepositoryException(what + ": member '" + key + "' missing or not an integer");
        }
        return l;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v, String key, String what) throws RepositoryException {
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw new RepositoryException(what + ": member '" + key + "' is not a list");
        }
        return (List<Object>) v;
    }
}
