package io.backbench.repository.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link Tree#compareUtf8}'s char-by-char path agrees with its walk by code points, surrogates or not. */
class TreeOrderTest {
    @Test
    void comparesNamesAsTheirBytesWithOrWithoutSurrogates() {
        java.util.Random rnd = new java.util.Random(3);
        String[] parts = {"a", "b", "Z", "\u00e9", "\u20ac", "\ue000", "\uffff", "\uD83D\uDE00", "\uD800\uDC00", "\uDC80", "\uDCFF",
                "\uDCE9", "\uD800", ""};
        for (int round = 0; round < 20000; round++) {
            StringBuilder x = new StringBuilder();
            StringBuilder y = new StringBuilder();
            int common = rnd.nextInt(3);
            for (int i = 0; i < common; i++) {
                String p = parts[rnd.nextInt(parts.length)];
                x.append(p);
                y.append(p);
            }
            for (int i = rnd.nextInt(3); i > 0; i--) {
                x.append(parts[rnd.nextInt(parts.length)]);
            }
            for (int i = rnd.nextInt(3); i > 0; i--) {
                y.append(parts[rnd.nextInt(parts.length)]);
            }
            String a = x.toString();
            String b = y.toString();
            assertEquals(Integer.signum(Tree.byCodePoints(a, b)), Integer.signum(Tree.compareUtf8(a, b)), a + " vs " + b);
        }
    }
}
