package io.backbench.repository.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.backbench.repository.api.Id;

/**
 * The writer produces its bytes directly; these tests hold it to the escaping Go's encoding/json
 * applies (restic's trees, index files and snapshots), written out plainly below as the reference.
 */
class JsonWriterTest {

    @Test
    void escapesAsGoDoes() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\u0001\\u001f\\u003c\\u003e\\u0026\\u2028\\u2029 ~\"",
                new JsonWriter().value("a\"b\\c\n\r\t\u0001\u001f<>&\u2028\u2029 ~").toString());
        // non-ASCII as UTF-8; a supplementary character as its four bytes; a lone surrogate as '?'
        assertArrayEquals("\"é€😀?x\"".getBytes(StandardCharsets.UTF_8),
                new JsonWriter().value("é€\uD83D\uDE00\uD800x").toBytes());
    }

    @Test
    void writesNumbersIdsAndStructure() {
        Id id = Id.hash(new byte[] {1, 2, 3});
        String json = new JsonWriter().beginObject().field("a", 0).field("b", -7).field("c", Long.MIN_VALUE)
                .field("d", Long.MAX_VALUE).name("e").unsignedValue(-1L).name("f").unsignedValue(42).field("g", id)
                .name("h").beginArray().value(true).value(false).nullValue().value((String) null).endArray()
                .name("i").beginArray().endArray().name("j").beginObject().endObject().endObject().toString();
        assertEquals("{\"a\":0,\"b\":-7,\"c\":-9223372036854775808,\"d\":9223372036854775807,\"e\":18446744073709551615,"
                + "\"f\":42,\"g\":\"" + id.hex() + "\",\"h\":[true,false,null,null],\"i\":[],\"j\":{}}", json);
        assertArrayEquals((json + "\n").getBytes(StandardCharsets.UTF_8),
                new JsonWriter().beginObject().field("a", 0).field("b", -7).field("c", Long.MIN_VALUE)
                        .field("d", Long.MAX_VALUE).name("e").unsignedValue(-1L).name("f").unsignedValue(42).field("g", id)
                        .name("h").beginArray().value(true).value(false).nullValue().value((String) null).endArray()
                        .name("i").beginArray().endArray().name("j").beginObject().endObject().endObject()
                        .toBytes((byte) '\n'));
    }

    @Test
    void randomStringsMatchTheReference() {
        Random rnd = new Random(7);
        char[] alphabet = "aZ09 _-./\"\\<>&\n\t\r\u0000\u001f\u007f\u0080éß€\u2028\u2029\uD83D\uDE00\uDC80\uD800\uFFFD".toCharArray();
        for (int round = 0; round < 2000; round++) {
            // lengths around the writer's initial buffer, so that growing is exercised mid-string
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(round % 10 == 0 ? 700 : 40);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet[rnd.nextInt(alphabet.length)]);
            }
            String s = sb.toString();
            JsonWriter w = new JsonWriter().beginArray().value(s).value(s).endArray();
            String q = reference(s);
            assertArrayEquals(("[" + q + "," + q + "]").getBytes(StandardCharsets.UTF_8), w.toBytes(), s);
        }
    }

    /** Go's encoding/json string escaping, char by char, then UTF-8 as the JDK encodes it. */
    private static String reference(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c == '<' || c == '>' || c == '&') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
