package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.ExtendedAttribute;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.Tree;

class CodecTest {
    private static final Id ID = Id.parse("5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03");

    @Test
    void encodesModesAsGoFileModeLikeRestic() {
        // values restic 0.14 wrote for a 0755 directory, a 0644 file and a symlink
        assertEquals(2147484141L, GoFileMode.encode(NodeType.DIR, 0755));
        assertEquals(420L, GoFileMode.encode(NodeType.FILE, 0644));
        assertEquals(134218239L, GoFileMode.encode(NodeType.SYMLINK, 0777));
        assertEquals(04755, GoFileMode.permissions(GoFileMode.encode(NodeType.FILE, 04755)));
        assertEquals(03777, GoFileMode.permissions(GoFileMode.encode(NodeType.DIR, 03777)));
        assertEquals((1L << 26) | (1L << 21) | 0660, GoFileMode.encode(NodeType.CHARDEV, 0660));
    }

    @Test
    void formatsTimesAsGoDoesWithTrimmedNanoseconds() throws Exception {
        assertEquals("2026-11-27T13:30:50.063086331Z", GoTime.format(Instant.parse("2026-11-27T13:30:50.063086331Z")));
        assertEquals("2026-11-27T13:30:50.1Z", GoTime.format(Instant.parse("2026-11-27T13:30:50.100Z")));
        assertEquals("2026-11-27T13:30:50Z", GoTime.format(Instant.parse("2026-11-27T13:30:50Z")));
        assertEquals(Instant.parse("2014-12-22T13:47:59.912418701Z"), GoTime.parse("2014-12-22T14:47:59.912418701+01:00", "t"));
    }

    @Test
    void parsesTimesLikeTheJdkAndRejectsImpossibleOnes() throws Exception {
        // the hand-written path and the JDK's parser must agree on every shape Go and others write
        for (String s : List.of("2014-12-22T14:47:59.912418701+01:00", "1969-12-31T23:59:59.999999999Z",
                "0001-01-01T00:00:01Z", "2024-02-29T23:59:59.5-05:30", "2026-11-27T13:30:50.1Z",
                "2026-11-27T13:30Z", "2026-11-27t13:30:50z", "2026-11-27T13:30:50.Z")) {
            assertEquals(java.time.OffsetDateTime.parse(s).toInstant(), GoTime.parse(s, "t"), s);
        }
        for (String s : List.of("2023-02-29T00:00:00Z", "2026-11-27T24:00:00Z", "2026-11-27T13:30:50.1234567891Z",
                "2026-13-01T00:00:00Z", "2026-11-27T13:30:50+25:00", "2026-11-27 13:30:50Z")) {
            RepositoryException e = assertThrows(RepositoryException.class, () -> GoTime.parse(s, "tree x"), s);
            assertTrue(e.getMessage().contains("not an RFC 3339 time"), e.getMessage());
        }
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt() * 8L, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
            assertEquals(t, GoTime.parse(GoTime.format(t), "t"));
            assertEquals(t.toString().replaceAll("(\\.\\d*?)0+Z$", "$1Z").replace(".Z", "Z"), GoTime.format(t));
        }
    }

    @Test
    void writesTreesWithResticsMemberNamesAndOmissions() throws Exception {
        Instant t = Instant.parse("2026-11-27T13:30:50.063086331Z");
        Node file = Node.builder("a.txt", NodeType.FILE).permissions(0644).times(t).user("root").group("root")
                .inode(2146844).deviceId(65024).size(6).links(1).content(List.of(ID)).build();
        Node empty = Node.builder("empty", NodeType.FILE).permissions(0644).times(t).links(1).content(List.of()).build();
        String json = new String(TreeCodec.encode(new Tree(List.of(empty, file))), StandardCharsets.UTF_8);
        assertEquals("{\"nodes\":[{\"name\":\"a.txt\",\"type\":\"file\",\"mode\":420,\"mtime\":\"2026-11-27T13:30:50.063086331Z\","
                + "\"atime\":\"2026-11-27T13:30:50.063086331Z\",\"ctime\":\"2026-11-27T13:30:50.063086331Z\",\"uid\":0,\"gid\":0,"
                + "\"user\":\"root\",\"group\":\"root\",\"inode\":2146844,\"device_id\":65024,\"size\":6,\"links\":1,"
                + "\"content\":[\"" + ID.hex() + "\"]},"
                + "{\"name\":\"empty\",\"type\":\"file\",\"mode\":420,\"mtime\":\"2026-11-27T13:30:50.063086331Z\","
                + "\"atime\":\"2026-11-27T13:30:50.063086331Z\",\"ctime\":\"2026-11-27T13:30:50.063086331Z\",\"uid\":0,\"gid\":0,"
                + "\"links\":1,\"content\":[]}]}\n", json);
    }

    @Test
    void treesRoundTripEveryMember() throws Exception {
        Node n = Node.builder("dev \"x\"\n\u00e9\uD83D\uDE00", NodeType.CHARDEV).permissions(06640)
                .mtime(Instant.parse("2020-01-01T00:00:00.000000001Z")).uid(4_000_000_000L).gid(7).user("u").group("g")
                .inode(-1L).deviceId(3).links(2).device(0x0501).linkTarget(null)
                .extendedAttributes(List.of(new ExtendedAttribute("user.k", new byte[] {0, 1, (byte) 255}))).error("partial").build();
        Node dir = Node.builder("d", NodeType.DIR).permissions(0700).subtree(ID).build();
        Node link = Node.builder("l", NodeType.SYMLINK).permissions(0777).linkTarget("../t a").build();
        Tree tree = new Tree(List.of(n, dir, link));
        Tree back = TreeCodec.decode(TreeCodec.encode(tree), "tree");
        assertEquals(tree, back);
        assertEquals(-1L, back.nodes().stream().filter(x -> x.type() == NodeType.CHARDEV).findFirst().orElseThrow().inode());

        // node by node (io.backbench.repository.api.TreeBytes): the same bytes, and each node back
        List<byte[]> parts = tree.nodes().stream().map(TreeCodec::encodeNode).toList();
        assertArrayEquals(TreeCodec.encode(tree), TreeCodec.assemble(parts));
        for (int i = 0; i < parts.size(); i++) {
            assertEquals(tree.nodes().get(i), TreeCodec.decodeNode(parts.get(i), "node"));
        }
        assertArrayEquals(TreeCodec.encode(new Tree(List.of())), TreeCodec.assemble(List.of()));
        assertArrayEquals(TreeCodec.encode(new Tree(List.of(link))), TreeCodec.assemble(List.of(parts.get(2))));
        assertThrows(RepositoryException.class, () -> TreeCodec.decodeNode("{\"name\":".getBytes(StandardCharsets.UTF_8), "node"));
    }

    @Test
    void parsesIdsWhereTheyStand() throws Exception {
        String hex = ID.hex();
        assertEquals(ID, Id.parseHex("xx\"" + hex + "\"", 3));
        assertEquals(ID, Id.parseHex(hex.toUpperCase(java.util.Locale.ROOT), 0));
        assertEquals(null, Id.parseHex(hex.substring(1), 0), "too short");
        assertEquals(null, Id.parseHex(hex.replace(hex.charAt(10), 'g'), 0), "not hex");
        assertEquals(null, Id.parseHex("\uff10" + hex.substring(1), 0), "a digit that is not ASCII");
        assertThrows(IllegalArgumentException.class, () -> Id.parse(hex + "0"));
        // an index file read member by member gives the same blobs as one written by the writer
        Id pack = Id.hash(new byte[] {1});
        io.backbench.repository.api.PackedBlob b = new io.backbench.repository.api.PackedBlob(ID,
                io.backbench.repository.api.BlobType.TREE, pack, 12345678901L, 77, 99);
        byte[] json = IndexCodec.encode(List.of(new IndexCodec.PackEntries(pack, List.of(b))), List.of());
        assertEquals(List.of(b), IndexCodec.decode(json, "index").blobs());
        String spaced = new String(json, StandardCharsets.UTF_8).replace(":", " : ").replace(",", " ,\n");
        assertEquals(List.of(b), IndexCodec.decode(spaced.getBytes(StandardCharsets.UTF_8), "index").blobs());
    }

    @Test
    void sortsNodesByteWiseAndRejectsDuplicates() {
        Tree t = new Tree(List.of(Node.builder("b", NodeType.FILE).build(), Node.builder("\uD83D\uDE00", NodeType.FILE).build(),
                Node.builder("\uFFFD", NodeType.FILE).build(), Node.builder("B", NodeType.FILE).build()));
        assertEquals(List.of("B", "b", "\uFFFD", "\uD83D\uDE00"), t.nodes().stream().map(Node::name).toList());
        assertThrows(IllegalArgumentException.class,
                () -> new Tree(List.of(Node.builder("x", NodeType.FILE).build(), Node.builder("x", NodeType.DIR).build())));
    }

    @Test
    void readsUnsignedAndEscapedJson() throws Exception {
        Map<String, Object> m = JsonReader.parseObject(
                "{\"a\":18446744073709551615,\"s\":\"\\u00e9\\n\\\"\",\"l\":[1,-2,3.5,true,null]}".getBytes(StandardCharsets.UTF_8), "doc");
        assertEquals(-1L, m.get("a"));
        assertEquals("\u00e9\n\"", m.get("s"));
        assertEquals(java.util.Arrays.asList(1L, -2L, 3.5, true, null), m.get("l"));
        RepositoryException e = assertThrows(RepositoryException.class, () -> JsonReader.parse("{\"a\":}".getBytes(), "index 12ab"));
        assertTrue(e.getMessage().startsWith("index 12ab is not valid JSON"), e.getMessage());
    }

    @Test
    void unpackedFilesAreVersionByteTwoAndZstdAndPlainJsonIsStillRead() throws Exception {
        byte[] json = "{\"packs\":[]}".getBytes(StandardCharsets.UTF_8);
        byte[] packed = Store.compressUnpacked(json);
        assertEquals(2, packed[0]);
        assertEquals(new String(json), new String(Store.decodeUnpacked(packed, "x")));
        assertEquals(new String(json), new String(Store.decodeUnpacked(json, "x")));
        RepositoryException e = assertThrows(RepositoryException.class, () -> Store.decodeUnpacked(new byte[] {7, 1}, "index 1"));
        assertTrue(e.getMessage().contains("unknown encoding version 7"), e.getMessage());
    }
}
