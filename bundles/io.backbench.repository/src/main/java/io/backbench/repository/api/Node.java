package io.backbench.repository.api;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a {@link Tree}: a file, directory, symlink, device, FIFO or socket with its metadata,
 * as restic's tree JSON stores it.
 *
 * @param name               the entry's name within its directory, as the file system has it (the tree
 *                           codec stores it Go-quoted as restic does); a byte that is not valid UTF-8
 *                           is the lone surrogate U+DC00 + byte
 * @param type               what it is
 * @param permissions        POSIX permission bits including set-uid, set-gid and sticky ({@code 07777})
 * @param mtime              modification time to the nanosecond, or null
 * @param atime              access time, or null
 * @param ctime              status change time, or null
 * @param uid                owner (unsigned 32-bit)
 * @param gid                group (unsigned 32-bit)
 * @param user               owner's name, or null
 * @param group              group's name, or null
 * @param inode              inode number (unsigned 64-bit), 0 if unknown
 * @param deviceId           the device of the file system holding it ({@code st_dev}), 0 if unknown
 * @param size               a file's size in bytes
 * @param links              hard link count, 0 if unknown
 * @param linkTarget         a symlink's target, else null
 * @param extendedAttributes extended attributes, never null
 * @param device             a device node's {@code st_rdev}
 * @param content            a file's data blob ids in order; null for other types
 * @param subtree            a directory's tree id, else null
 * @param error              why the entry could not be read in full, or null
 */
public record Node(String name, NodeType type, int permissions, Instant mtime, Instant atime, Instant ctime,
        long uid, long gid, String user, String group, long inode, long deviceId, long size, long links,
        String linkTarget, List<ExtendedAttribute> extendedAttributes, long device, List<Id> content, Id subtree,
        String error) {

    public Node {
        if (name == null || type == null) {
            throw new IllegalArgumentException("a node needs a name and a type");
        }
        extendedAttributes = extendedAttributes == null ? List.of() : List.copyOf(extendedAttributes);
        content = content == null ? null : List.copyOf(content);
    }

    public static Builder builder(String name, NodeType type) {
        return new Builder(name, type);
    }

    /** A builder that starts from this node. */
    public Builder toBuilder() {
        Builder b = new Builder(name, type);
        b.permissions = permissions;
        b.mtime = mtime;
        b.atime = atime;
        b.ctime = ctime;
        b.uid = uid;
        b.gid = gid;
        b.user = user;
        b.group = group;
        b.inode = inode;
        b.deviceId = deviceId;
        b.size = size;
        b.links = links;
        b.linkTarget = linkTarget;
        b.extendedAttributes = extendedAttributes;
        b.device = device;
        b.content = content;
        b.subtree = subtree;
        b.error = error;
        return b;
    }

    /** Builds a {@link Node}; unset members are zero, null or empty. */
    public static final class Builder {
        private final String name;
        private final NodeType type;
        private int permissions;
        private Instant mtime;
        private Instant atime;
        private Instant ctime;
        private long uid;
        private long gid;
        private String user;
        private String group;
        private long inode;
        private long deviceId;
        private long size;
        private long links;
        private String linkTarget;
        private List<ExtendedAttribute> extendedAttributes = List.of();
        private long device;
        private List<Id> content;
        private Id subtree;
        private String error;

        private Builder(String name, NodeType type) {
            this.name = name;
            this.type = type;
        }

        public Builder permissions(int v) { permissions = v; return this; }
        public Builder mtime(Instant v) { mtime = v; return this; }
        public Builder atime(Instant v) { atime = v; return this; }
        public Builder ctime(Instant v) { ctime = v; return this; }
        /** Sets all three times. */
        public Builder times(Instant v) { mtime = v; atime = v; ctime = v; return this; }
        public Builder uid(long v) { uid = v; return this; }
        public Builder gid(long v) { gid = v; return this; }
        public Builder user(String v) { user = v; return this; }
        public Builder group(String v) { group = v; return this; }
        public Builder inode(long v) { inode = v; return this; }
        public Builder deviceId(long v) { deviceId = v; return this; }
        public Builder size(long v) { size = v; return this; }
        public Builder links(long v) { links = v; return this; }
        public Builder linkTarget(String v) { linkTarget = v; return this; }
        public Builder extendedAttributes(List<ExtendedAttribute> v) { extendedAttributes = v; return this; }
        public Builder device(long v) { device = v; return this; }
        public Builder content(List<Id> v) { content = v; return this; }
        public Builder subtree(Id v) { subtree = v; return this; }
        public Builder error(String v) { error = v; return this; }

        public Node build() {
            return new Node(name, type, permissions, mtime, atime, ctime, uid, gid, user, group, inode, deviceId, size,
                    links, linkTarget, extendedAttributes, device, content, subtree, error);
        }
    }
}
