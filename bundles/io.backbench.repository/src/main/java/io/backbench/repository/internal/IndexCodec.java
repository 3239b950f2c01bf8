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
                w.value(id.hex());
            }
            w.endArray();
        }
        w.name("packs").beginArray();
        for (PackEntries p : packs) {
            w.beginObject().field("id", p.pack().hex()).name("blobs").beginArray();
            for (PackedBlob b : p.blobs()) {
                w.beginObject().field("id", b.id().hex()).field("type", b.type().jsonName())
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
        Map<String, Object> root = JsonReader.parseObject(json, what);
        List<Id> supersedes = new ArrayList<>();
        List<Object> sup = Json.optList(root, "supersedes", what);
        if (sup != null) {
            for (Object o : sup) {
                supersedes.add(Json.parseId(String.valueOf(o), what));
            }
        }
        List<PackedBlob> blobs = new ArrayList<>();
        List<Object> packs = Json.optList(root, "packs", what);
        if (packs != null) {
            for (Object po : packs) {
                Map<String, Object> p = Json.object(po, what);
                Id pack = Json.id(p, "id", what);
                List<Object> list = Json.optList(p, "blobs", what);
                if (list == null) {
                    continue;
                }
                for (Object bo : list) {
                    Map<String, Object> b = Json.object(bo, what);
                    String type = Json.string(b, "type", what);
                    BlobType t = switch (type) {
                        case "data" -> BlobType.DATA;
                        case "tree" -> BlobType.TREE;
                        default -> throw new RepositoryException(what + ": unknown blob type '" + type + "'");
                    };
                    blobs.add(new PackedBlob(Json.id(b, "id", what), t, pack, Json.number(b, "offset", what),
                            (int) Json.number(b, "length", what), (int) Json.optNumber(b, "uncompressed_length")));
                }
            }
        }
        return new IndexFile(supersedes, blobs);
    }
}
