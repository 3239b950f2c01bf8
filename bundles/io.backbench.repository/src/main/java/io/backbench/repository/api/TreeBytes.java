package io.backbench.repository.api;

import java.util.List;

import io.backbench.repository.internal.TreeCodec;

/**
 * A tree blob's bytes, one node at a time: a tree is {@code {"nodes":[N1,N2,...]}} and a newline,
 * each N a node's JSON exactly as {@link Repository#saveTree} writes it. A backup that keeps each
 * node's bytes can make a folder's tree again from the bytes of the nodes that did not change and
 * the few it encodes anew, without decoding the parent's tree; {@link #tree} of the nodes' bytes
 * is byte for byte what {@code saveTree} would store for those nodes.
 */
public final class TreeBytes {
    /** Where a tree's first node starts: after {@code {"nodes":[}}. Each further node follows a comma. */
    public static final int FIRST_NODE_OFFSET = 10;

    private TreeBytes() {
    }

    /** One node's JSON, as inside a tree. */
    public static byte[] node(Node n) {
        return TreeCodec.encodeNode(n);
    }

    /** The tree blob made of these nodes' JSON, in this order (nodes sorted by name, as a tree's are). */
    public static byte[] tree(List<byte[]> nodes) {
        return TreeCodec.assemble(nodes);
    }

    /** The node whose JSON {@link #node} gave; {@code what} names it in errors. */
    public static Node parseNode(byte[] json, String what) throws RepositoryException {
        return TreeCodec.decodeNode(json, what);
    }
}
