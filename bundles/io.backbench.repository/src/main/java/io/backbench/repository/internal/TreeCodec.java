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
public final class TreeCodec {
    // Go writes a zero time.Time; we read it back as "no time"
    private static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private static final byte[] TREE_START = "{\"nodes\":[".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TREE_END = "]}\n".getBytes(StandardCharsets.US_ASCII);

    private TreeCodec() {
    }

    /** One node's JSON, as {@link #encode} writes it inside a tree. */
    public static byte[] encodeNode(Node n) {
        JsonWriter w = new JsonWriter();
        writeNode(w, n);
        return w.toBytes();
    }

    /** A tree blob from its nodes' JSON in order: what {@link #encode} gives for those nodes. */
    public static byte[] assemble(List<byte[]> nodes) {
        int len = TREE_START.length + TREE_END.length + Math.max(0, nodes.size() - 1);
        for (byte[] n : nodes) {
            len += n.length;
        }
        byte[] out = new byte[len];
        System.arraycopy(TREE_START, 0, out, 0, TREE_START.length);
        int p = TREE_START.length;
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                out[p++] = ',';
            }
            byte[] n = nodes.get(i);
            System.arraycopy(n, 0, out, p, n.length);
            p += n.length;
        }
        System.arraycopy(TREE_END, 0, out, p, TREE_END.length);
        return out;
    }

    /** The node of one node's JSON ({@link #encodeNode}). */
    public static Node decodeNode(byte[] json, String what) throws RepositoryException {
        byte[] tree = assemble(List.of(json));
        List<Node> nodes = decode(tree, what).nodes();
        if (nodes.size() != 1) {
            throw new RepositoryException(what + ": not one node");
        }
        return nodes.get(0);
    }

    static byte[] encode(Tree tree) {
        JsonWriter w = new JsonWriter().beginObject().name("nodes").beginArray();
        for (Node n : tree.nodes()) {
            writeNode(w, n);
        }
        return w.endArray().endObject().toBytes((byte) '\n');
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
                w.value(id);
            }
            w.endArray();
        }
        if (n.subtree() != null) {
            w.field("subtree", n.subtree());
        }
        optional(w, "error", n.error());
        w.endObject();
    }

    static Tree decode(byte[] json, String what) throws RepositoryException {
        // pulled member by member: a map per node costs more than the rest of the decoding
        JsonReader r = JsonReader.of(json, what);
        List<Node> out = new ArrayList<>();
        try {
            for (boolean more = r.begin('{', '}'); more; more = r.next('}')) {
                if (!r.name().equals("nodes")) {
                    r.anyValue();
                } else if (r.peek() == 'n') {
                    r.anyValue(); // null: no nodes
                } else if (r.peek() != '[') {
                    throw new RepositoryException(what + ": member 'nodes' is not a list");
                } else {
                    out.clear(); // a repeated member counts once, the last, as in a map
                    for (boolean el = r.begin('[', ']'); el; el = r.next(']')) {
                        if (r.peek() != '{') {
                            throw new RepositoryException(what + ": JSON object expected");
                        }
                        out.add(readNode(r, what));
                    }
                }
            }
            r.end();
        } catch (IndexOutOfBoundsException e) {
            throw r.unexpectedEnd();
        }
        try {
            return new Tree(out);
        } catch (IllegalArgumentException e) {
            throw new RepositoryException(what + ": " + e.getMessage());
        }
    }

    private static Node readNode(JsonReader r, String what) throws RepositoryException {
        NodeFields f = new NodeFields();
        for (boolean more = r.begin('{', '}'); more; more = r.next('}')) {
            f.set(r.name(), r.anyValue());
        }
        String name = GoQuote.unquote(required(f.name, "name", what));
        String typeName = required(f.type, "type", what);
        NodeType type = NodeType.ofJsonName(typeName);
        if (type == null) {
            throw new RepositoryException(what + ": node '" + name + "' has unknown type '" + typeName + "'");
        }
        Node.Builder b = Node.builder(name, type)
                .permissions(GoFileMode.permissions(f.mode))
                .mtime(time(f.mtime, what)).atime(time(f.atime, what)).ctime(time(f.ctime, what))
                .uid(f.uid).gid(f.gid).user(f.user).group(f.group).inode(f.inode).deviceId(f.deviceId)
                .size(f.size).links(f.links).device(f.device).error(f.error)
                .subtree(f.subtree == null ? null : Json.parseId(f.subtree, what));
        String target = f.linkTarget;
        if (target == null && f.linkTargetRaw instanceof String raw) {
            target = new String(Base64.getDecoder().decode(raw), StandardCharsets.UTF_8);
        }
        b.linkTarget(target);
        List<Object> xattrs = list(f.xattrs, "extended_attributes", what);
        if (xattrs != null) {
            List<ExtendedAttribute> xl = new ArrayList<>();
            for (Object o : xattrs) {
                Map<String, Object> x = Json.object(o, what);
                byte[] value = x.get("value") == null ? new byte[0] : Json.base64(x, "value", what);
                xl.add(new ExtendedAttribute(Json.string(x, "name", what), value));
            }
            b.extendedAttributes(xl);
        }
        List<Object> content = list(f.content, "content", what);
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

    /** One node's members as read; types as {@link Json}'s optional getters take them (a wrong type is "absent"). */
    private static final class NodeFields {
        Object name, type, linkTargetRaw, xattrs, content;
        String mtime, atime, ctime, user, group, error, linkTarget, subtree;
        long mode, uid, gid, inode, deviceId, size, links, device;

        void set(String key, Object v) {
            switch (key) {
                case "name" -> name = v;
                case "type" -> type = v;
                case "mode" -> mode = num(v);
                case "mtime" -> mtime = str(v);
                case "atime" -> atime = str(v);
                case "ctime" -> ctime = str(v);
                case "uid" -> uid = num(v);
                case "gid" -> gid = num(v);
                case "user" -> user = str(v);
                case "group" -> group = str(v);
                case "inode" -> inode = num(v);
                case "device_id" -> deviceId = num(v);
                case "size" -> size = num(v);
                case "links" -> links = num(v);
                case "device" -> device = num(v);
                case "error" -> error = str(v);
                case "linktarget" -> linkTarget = str(v);
                case "linktarget_raw" -> linkTargetRaw = v;
                case "subtree" -> subtree = str(v);
                case "extended_attributes" -> xattrs = v;
                case "content" -> content = v;
                default -> {
                    // a member of a newer format: kept by restic, ignored here as before
                }
            }
        }

        private static long num(Object v) {
            return v instanceof Long l ? l : 0L;
        }

        private static String str(Object v) {
            return v instanceof String s ? s : null;
        }
    }

    private static String required(Object v, String key, String what) throws RepositoryException {
        if (!(v instanceof String s)) {
            throw new RepositoryException(what + ": member '" + key + "' missing or not a string");
        }
        return s;
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

    private static String time(Instant t) {
        return t == null ? ZERO_TIME : GoTime.format(t);
    }

    private static Instant time(String s, String what) throws RepositoryException {
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
