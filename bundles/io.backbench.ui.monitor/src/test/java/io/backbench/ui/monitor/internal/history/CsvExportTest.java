package io.backbench.ui.monitor.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaksOnly() {
        assertEquals("plain", CsvExport.quote("plain"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvExport.quote("two\nlines"));
    }
}
