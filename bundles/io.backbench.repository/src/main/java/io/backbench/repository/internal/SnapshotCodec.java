package io.backbench.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Snapshot;

/** Snapshots as restic's JSON. */
final class SnapshotCodec {
    private SnapshotCodec() {
    }

    static byte[] encode(Snapshot s) {
        JsonWriter w = new JsonWriter().beginObject().field("time", GoTime.format(s.time()));
        if (s.parent() != null) {
            w.field("parent", s.parent());
        }
        w.field("tree", s.tree());
        strings(w.name("paths"), s.paths());
        if (s.hostname() != null && !s.hostname().isEmpty()) {
            w.field("hostname", s.hostname());
        }
        if (s.username() != null && !s.username().isEmpty()) {
            w.field("username", s.username());
        }
        if (s.uid() != 0) {
            w.field("uid", s.uid());
        }
        if (s.gid() != 0) {
            w.field("gid", s.gid());
        }
        if (!s.excludes().isEmpty()) {
            strings(w.name("excludes"), s.excludes());
        }
        if (!s.tags().isEmpty()) {
            strings(w.name("tags"), s.tags());
        }
        if (s.original() != null) {
            w.field("original", s.original());
        }
        return w.endObject().toBytes();
    }

    static Snapshot decode(byte[] json, String what) throws RepositoryException {
        Map<String, Object> m = JsonReader.parseObject(json, what);
        Id tree = Json.optId(m, "tree", what);
        if (tree == null) {
            throw new RepositoryException(what + " has no tree");
        }
        return new Snapshot(GoTime.parse(Json.string(m, "time", what), what), tree, strings(m, "paths", what),
                Json.optString(m, "hostname"), Json.optString(m, "username"), Json.optNumber(m, "uid"),
                Json.optNumber(m, "gid"), strings(m, "excludes", what), strings(m, "tags", what),
                Json.optId(m, "parent", what), Json.optId(m, "original", what));
    }

    private static void strings(JsonWriter w, List<String> values) {
        w.beginArray();
        for (String v : values) {
            w.value(v);
        }
        w.endArray();
    }

    private static List<String> strings(Map<String, Object> m, String key, String what) throws RepositoryException {
        List<Object> l = Json.optList(m, key, what);
        List<String> out = new ArrayList<>();
        if (l != null) {
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw new RepositoryException(what + ": '" + key + "' holds a non-string");
                }
                out.add(s);
            }
        }
        return out;
    }
}
