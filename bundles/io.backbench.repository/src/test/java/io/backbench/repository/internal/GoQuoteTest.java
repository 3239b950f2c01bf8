package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.NameBytes;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Tree;

/** Node names as restic stores them: Go's strconv.Quote inside the JSON string. */
class GoQuoteTest {

    @Test
    void quotesAsGoStrconvQuoteDoes() {
        // expected values are what Go 1.19's strconv.Quote returns, without the outer quotes
        assertEquals("plain name.txt", GoQuote.quote("plain name.txt"));
        assertEquals("new\\nline", GoQuote.quote("new\nline"));
        assertEquals("tab\\tq\\\"b\\\\", GoQuote.quote("tab\tq\"b\\"));
        assertEquals("\\a\\b\\f\\r\\v\\x00\\x1f\\x7f", GoQuote.quote("\u0007\b\f\r\u000b\u0000\u001f\u007f"));
        assertEquals("ünïcødé ✓ 日本 😀", GoQuote.quote("ünïcødé ✓ 日本 😀"));
        assertEquals("nb\\u00a0sp \\u2028 \\ufeff \\U000e0001", GoQuote.quote("nb\u00a0sp \u2028 \ufeff \uDB40\uDC01"));
        assertEquals("<&>'", GoQuote.quote("<&>'"));
    }

    @Test
    void bytesThatAreNotUtf8TravelAsLoneSurrogatesAndQuoteAsHexBytes() {
        byte[] raw = {'b', 'a', 'd', (byte) 0xff, (byte) 0xc3, '!', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        String name = NameBytes.decode(raw);
        assertEquals("bad\uDCFF\uDCC3!\uDCED\uDCA0\uDC80", name);
        assertEquals("bad\\xff\\xc3!\\xed\\xa0\\x80", GoQuote.quote(name));
        assertEquals(name, GoQuote.unquote(GoQuote.quote(name)));
        assertEquals("é😀", NameBytes.decode("é😀".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unquoteUndoesQuoteAndReadsEveryGoEscape() {
        for (String s : List.of("new\nline", "a\u0001b\u007f", "x\u00a0y", "plain", "back\\slash", "😀 emoji", "q\"uote",
                "\uDB40\uDC01tag", "\u2029", "mixed\uDCFEbyte")) {
            assertEquals(s, GoQuote.unquote(GoQuote.quote(s)), s);
        }
        assertEquals("é", GoQuote.unquote("\\xc3\\xa9"), "two escaped bytes that form UTF-8 are that letter");
        assertEquals("A\u00e9\u0007", GoQuote.unquote("\\101\\u00e9\\a"));
        assertEquals("😀", GoQuote.unquote("\\U0001f600"));
    }

    @Test
    void readsNamesFromBeforeQuotingAndMalformedEscapesAsTheyAre() {
        assertEquals("raw\nnewline", GoQuote.unquote("raw\nnewline"));
        assertEquals("bad\\q and \\x4", GoQuote.unquote("bad\\q and \\x4"));
    }

    @Test
    void treeCodecStoresQuotedNamesAndReadsThemBack() throws Exception {
        Node odd = Node.builder("a\n\"b\"\\c<&>", NodeType.FILE).content(List.of()).build();
        byte[] json = TreeCodec.encode(new Tree(List.of(odd)));
        String text = new String(json, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"nodes\":[{\"name\":\"a\\\\n\\\\\\\"b\\\\\\\"\\\\\\\\c\\u003c\\u0026\\u003e\","), text);
        assertEquals(odd.name(), TreeCodec.decode(json, "t").nodes().get(0).name());
    }

    @Test
    void treesSortRawBytesAsGoComparesStrings() {
        // bytes: 0x80 < 0xc3 0xa9 (é) < 0xee 0x80 0x80 (U+E000) < 0xff
        Node raw80 = Node.builder("\uDC80", NodeType.FILE).build();
        Node e = Node.builder("é", NodeType.FILE).build();
        Node pua = Node.builder("\uE000", NodeType.FILE).build();
        Node rawFf = Node.builder("\uDCFF", NodeType.FILE).build();
        Tree t = new Tree(List.of(rawFf, pua, e, raw80));
        assertArrayEquals(new Object[] {raw80, e, pua, rawFf}, t.nodes().toArray());
    }
}
