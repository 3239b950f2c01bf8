package io.backbench.ui.workbench.internal.views;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void unknownSizeIsLeftBlank() {
        assertEquals("", Sizes.format(0));
    }

    @Test
    void smallSizesAreInBytes() {
        assertEquals("512 B", Sizes.format(512));
    }

    @Test
    void largerSizesUseBinaryUnitsWithOneDecimal() {
        assertEquals("1.5 KiB", Sizes.format(1536));
        assertEquals("931.5 GiB", Sizes.format(1_000_204_886_016L));
    }
}
