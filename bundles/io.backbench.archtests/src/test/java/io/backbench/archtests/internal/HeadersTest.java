package io.backbench.archtests.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void readsPackagesSkippingAttributesAndDirectivesEvenWithCommasInQuotes() {
        String header = "io.backbench.target.api;version=\"[1.0,2)\",a.b;c.d;version=\"1.0\";uses:=\"x.y,z\","
                + "kotlin;resolution:=optional,java.util";
        assertEquals(List.of("io.backbench.target.api", "a.b", "c.d", "kotlin", "java.util"), Headers.packages(header));
    }

    @Test
    void aMissingHeaderHasNoPackages() {
        assertEquals(List.of(), Headers.packages(null));
        assertEquals(List.of(), Headers.packages(" "));
    }
}
