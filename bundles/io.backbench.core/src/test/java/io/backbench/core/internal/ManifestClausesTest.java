package io.backbench.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ManifestClausesTest {

    @Test
    void splitsClausesWithQuotedCommasAttributesAndDirectives() {
        List<ManifestClauses.Clause> c = ManifestClauses.parse(
                "a.b;c.d;version=\"[1.0,2)\";resolution:=optional, e.f ;objectClass:List<String>=\"x.Y,z.W\"");

        assertEquals(2, c.size());
        assertEquals(List.of("a.b", "c.d"), c.get(0).paths());
        assertEquals(Map.of("version", "[1.0,2)"), c.get(0).attributes());
        assertEquals(Map.of("resolution", "optional"), c.get(0).directives());
        assertEquals(List.of("e.f"), c.get(1).paths());
        assertEquals(Map.of("objectClass:List<String>", "x.Y,z.W"), c.get(1).attributes());
    }

    @Test
    void keepsAFilterDirectiveWithItsEqualsSigns() {
        List<ManifestClauses.Clause> c = ManifestClauses.parse("osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=17))\"");

        assertEquals("(&(osgi.ee=JavaSE)(version=17))", c.get(0).directives().get("filter"));
    }

    @Test
    void anEmptyHeaderHasNoClauses() {
        assertEquals(List.of(), ManifestClauses.parse(" "));
        assertEquals(List.of(), ManifestClauses.parse(null));
    }
}
