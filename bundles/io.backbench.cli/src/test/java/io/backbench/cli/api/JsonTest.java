package io.backbench.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void escapesQuotesBackslashesAndNamedControlCharacters() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"", Json.write("a\"b\\c\nd\re\tf\bg\fh"));
    }

    @Test
    void escapesOtherControlCharactersAsUnicode() {
        assertEquals("\"\\u0000\\u0001\\u001f\\u007f\"", Json.write("\u0000\u0001\u001f\u007f"));
    }

    @Test
    void escapesNonAsciiSoTheOutputIsAsciiWhateverTheConsole() {
        assertEquals("\"caf\\u00e9 \\u65e5\\u672c \\ud83d\\ude00\"", Json.write("caf\u00e9 \u65e5\u672c \uD83D\uDE00"));
        String out = Json.write(Map.of("k\u00fc", "v\u2028"));
        assertTrue(out.chars().allMatch(c -> c < 0x80), out);
        assertTrue(out.contains("\\u2028"), out);
    }

    @Test
    void writesObjectsInOrderAndArraysIndented() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", "disk");
        o.put("size", 42L);
        o.put("ok", true);
        o.put("none", null);
        o.put("list", List.of(1, "two"));
        o.put("empty", List.of());
        o.put("nested", Map.of());
        assertEquals("""
                {
                  "name": "disk",
                  "size": 42,
                  "ok": true,
                  "none": null,
                  "list": [
                    1,
                    "two"
                  ],
                  "empty": [],
                  "nested": {}
                }""", Json.pretty(o));
    }

    @Test
    void writesNullsInsideArraysAndFractions() {
        assertEquals("[\n  null,\n  0.5\n]", Json.pretty(Arrays.asList(null, 0.5)));
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Float.POSITIVE_INFINITY));
    }

    @Test
    void writesOneLineWithoutSpacesAndOtherValuesAsTheirText() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", java.nio.file.Path.of("/srv/repo"));
        o.put("set", new java.util.TreeSet<>(List.of("b", "a")));
        o.put("big", new java.math.BigDecimal("1.50"));
        o.put("nested", Map.of("k", List.of()));
        assertEquals("{\"id\":\"/srv/repo\",\"set\":[\"a\",\"b\"],\"big\":1.50,\"nested\":{\"k\":[]}}", Json.write(o));
        assertEquals("\"a\\u00e9\"", Json.quote("a\u00e9"));
    }
}
