package io.backbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsColumnsToTheWidestCellWithTwoSpaces() {
        Output out = new Output();
        new Table("ID", "NAME", "STATE").row(1, "io.backbench.core", "ACTIVE").row(12, "x", "").print(out.stream);
        assertEquals("""
                ID  NAME               STATE
                1   io.backbench.core  ACTIVE
                12  x
                """, out.text());
    }

    @Test
    void keepsEachRowOnOneLine() {
        Output out = new Output();
        Table.withoutHeader(2).row("a", "line one\nline two\tend").print(out.stream);
        assertEquals("a  line one line two end\n", out.text());
    }

    @Test
    void refusesARowOfTheWrongWidth() {
        assertThrows(IllegalArgumentException.class, () -> new Table("A", "B").row("only one"));
    }
}
