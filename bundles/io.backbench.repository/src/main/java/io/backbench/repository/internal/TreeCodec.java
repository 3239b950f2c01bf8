package io.backbench.repository.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;

/**
 * Trees as restic's JSON: {@code {"nodes":[...]}} and a newline, with restic's member names and
 * omissions. Node names are Go-quoted inside the JSON string as restic stores them ({@link GoQuote}).
 */
final class TreeCodec {
    // Go writes a zero time.Time; we read it back as "no time"
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private TreeCodec() {
    }

    static byte[] encode(Tree tree) {
        JsonWriter w = new JsonWriter().beginObject().name("nodes").beginArray();
        for (Node n : tree.nodes()) {
            writeNode(w, n);
        }
        w.endArray().endObject();
        byte[] json = w.toBytes();
        byte[] out = java.util.Arrays.copyOf(json, json.length + 1);
        out[json.length] = '\n';
        return out;
    }

    private static void writeNode(JsonWriter w, Node n) {
        w.beginObject().field("name", GoQuote.quote(n.name())).field("type", n.type().jsonName());
        long mode = GoFileMode.encode(n.type(), n.permissions());
        if (mode != 0) {
            w.name("mode").value(mode);
        }
        w.field("mtime", time(n.mtime())).field("atime", time(n.atime())).field("ctime", time(n.ctime()));
        w.name("uid").value(n.uid() & 0xffffffffL).name("gid").value(n.gid() & 0xffffffffL);
        optional(w, "user", n.user());
        optional(w, "group", n.group());
        unsigned(w, "inode", n.inode());
        unsigned(w, "device_id", n.deviceId());
        unsigned(w, "size", n.size());
        unsigned(w, "links", n.links());
        optional(w, "linktarget", n.linkTarget());
        if (!n.extendedAttributes().isEmpty()) {
            w.name("extended_attributes").beginArray();
            for (ExtendedAttribute x : n.extendedAttributes()) {
                w.beginObject().field("name", x.name()).field("value", Base64.getEncoder().encodeToString(x.value())).endObject();
            }
            w.endArray();
        }
        unsigned(w, "device", n.device());
        w.name("content");
        if (n.content() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (Id id : n.content()) {
                w.value(id.hex());
            }
            w.endArray();
        }
        if (n.subtree() != null) {
            w.field("subtree", n.subtree().hex());
        }
        optional(w, "error", n.error());
        w.endObject();
    }

    static Tree decode(byte[] json, String what) throws RepositoryException {
        Map<String, Object> root = JsonReader.parseObject(json, what);
        List<Object> nodes = Json.optList(root, "nodes", what);
        List<Node> out = new ArrayList<>(nodes == null ? 0 : nodes.size());
        if (nodes != null) {
            for (Object o : nodes) {
                out.add(readNode(Json.object(o, what), what));
            }
        }
        try {
            return new Tree(out);
        } catch (IllegalArgumentException e) {
            throw new RepositoryException(what + ": " + e.getMessage());
        }
    }

    private static Node readNode(Map<String, Object> m, String what) throws RepositoryException {
        String name = GoQuote.unquote(Json.string(m, "name", what));
        String typeName = Json.string(m, "type", what);
        NodeType type = NodeType.ofJsonName(typeName);
        if (type == null) {
            throw new RepositoryException(what + ": node '" + name + "' has unknown type '" + typeName + "'");
        }
        Node.Builder b = Node.builder(name, type)
                .permissions(GoFileMode.permissions(Json.optNumber(m, "mode")))
                .mtime(time(m, "mtime", what)).atime(time(m, "atime", what)).ctime(time(m, "ctime", what))
                .uid(Json.optNumber(m, "uid")).gid(Json.optNumber(m, "gid"))
                .user(Json.optString(m, "user")).group(Json.optString(m, "group"))
                .inode(Json.optNumber(m, "inode")).deviceId(Json.optNumber(m, "device_id"))
                .size(Json.optNumber(m, "size")).links(Json.optNumber(m, "links"))
                .device(Json.optNumber(m, "device")).error(Json.optString(m, "error"))
                .subtree(Json.optId(m, "subtree", what));
        String target = Json.optString(m, "linktarget");
        if (target == null && m.get("linktarget_raw") instanceof String raw) {
            target = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        b.linkTarget(target);
        List<Object> xattrs = Json.optList(m, "extended_attributes", what);
        if (xattrs != null) {
            List<ExtendedAttribute> list = new ArrayList<>();
            for (Object o : xattrs) {
                Map<String, Object> x = Json.object(o, what);
                byte[] value = x.get("value") == null ? new byte[0] : Json.base64(x, "value", what);
                list.add(new ExtendedAttribute(Json.string(x, "name", what), value));
            }
            b.extendedAttributes(list);
        }
        List<Object> content = Json.optList(m, "content", what);
        if (content != null) {
            List<Id> ids = new ArrayList<>(content.size());
            for (Object o : content) {
                if (!(o instanceof String s)) {
                    throw new RepositoryException(what + ": node '" + name + "' has a content entry that is not an id");
                }
                ids.add(Json.parseId(s, what));
            }
            b.content(ids);
        }
        return b.build();
    }

    private static String time(Instant t) {
        return t == null ? ZERO_TIME : GoTime.format(t);
    }

    private static Instant time(Map<String, Object> m, String key, String what) throws RepositoryException {
        String s = Json.optString(m, key);
        if (s == null || s.equals(ZERO_TIME)) {
            return null;
        }
        return GoTime.parse(s, what);
    }

    private static void optional(JsonWriter w, String name, String value) {
        if (value != null && !value.isEmpty()) {
            w.field(name, value);
        }
    }

    private static void unsigned(JsonWriter w, String name, long value) {
        if (value != 0) {
            w.name(name).unsignedValue(value);
        }
    }
}
