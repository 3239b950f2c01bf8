package io.backbench.report.internal;

import static io.backbench.report.internal.CatalogFixture.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunStatus;

class ExportFormatsTest {
    @TempDir
    Path dir;

    private MonthlyReport october() {
        try (CatalogFixture f = new CatalogFixture(dir, t("2026-11-05T09:00:00Z"))) {
            JobDefinition odd = f.job("Finance, \"quarterly\" <b>&</b>", "backup", t("2026-09-01T00:00:00Z"), Duration.ofDays(1),
                    Duration.ofMinutes(30));
            f.run(odd, t("2026-10-02T01:00:00Z"), 5, RunStatus.SUCCEEDED, 1_048_576, 1024, 512);
            f.run(odd, t("2026-10-03T01:00:00Z"), 5, RunStatus.FAILED, 0, 0, 0);
            f.restoreTest(odd, t("2026-10-04T00:00:00Z"), true, Duration.ofMinutes(3), Duration.ofMinutes(30));
            JobDefinition plain = f.job("Mail", "backup", t("2026-09-01T00:00:00Z"), null, null);
            f.run(plain, t("2026-10-05T01:00:00Z"), 5, RunStatus.SUCCEEDED, 10, 10, 10);
            return new ReportBuilder(f.catalog, f.clock).build(YearMonth.of(2026, 10), ZoneOffset.UTC);
        }
    }

    /** An RFC 4180 parser, enough to read back what the writer wrote. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', text.charAt(i + 1), "lines end with CRLF");
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "a bare LF outside quotes");
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "the last line ends with CRLF");
        return rows;
    }

    @Test
    void csvHasAHeaderARowPerJobAndATotalThatReadBackExactly() {
        String csv = CsvReport.write(october());
        List<List<String>> rows = parseCsv(csv);
        assertEquals(CsvReport.HEADER, rows.get(0));
        assertEquals(4, rows.size());
        List<String> odd = rows.get(1);
        assertEquals("Finance, \"quarterly\" <b>&</b>", odd.get(1), "quoted and read back unchanged");
        assertTrue(csv.contains("\"Finance, \"\"quarterly\"\" <b>&</b>\""), "quotes doubled inside a quoted field");
        assertEquals(List.of("2026-10", "Mail", "backup", "1", "1", "0", "0", "0", "0", "0", "1.0000", "10", "10", "10", "0", "0", "0", "",
                "", "", "0", "0"), rows.get(2));
        List<String> total = rows.get(3);
        assertEquals("Total", total.get(1));
        assertEquals("3", total.get(3));
        assertEquals(String.format(Locale.ROOT, "%.4f", 2.0 / 3), total.get(10));
        assertEquals("1048586", total.get(11));
        assertEquals("180", odd.get(17), "worst restore in seconds");
        assertEquals("1800", odd.get(18));
        assertEquals("86400", odd.get(19));
    }

    @Test
    void htmlIsOneEscapedPageWithoutScriptsOrExternalResources() {
        String html = HtmlReport.write(october());
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("Protection report: October 2026"));
        assertTrue(html.contains("Finance, &quot;quarterly&quot; &lt;b&gt;&amp;&lt;/b&gt;"), "catalog text is escaped");
        assertFalse(html.contains("<b>&</b>"));
        String lower = html.toLowerCase(Locale.ROOT);
        for (String banned : List.of("<script", "javascript:", "src=", "href=", "@import", "url(")) {
            assertFalse(lower.contains(banned), "no " + banned);
        }
        assertTrue(html.contains("@media print"), "print rules");
        assertTrue(html.contains("<td>1.0 MiB</td>"), "data read of the job");
        assertTrue(html.contains("3m 00s within RTO 30m 00s"));
        assertTrue(html.contains("50.0 %"), "the job's success rate");
    }

    @Test
    void jsonCarriesTheFiguresInBytesAndSeconds() {
        String json = JsonReport.write(october());
        assertTrue(json.startsWith("{\"month\":\"2026-10\",\"zone\":\"Z\""), json);
        assertTrue(json.contains("\"name\":\"Finance, \\\"quarterly\\\" <b>&</b>\""), json);
        assertTrue(json.contains("\"bytes_read\":1048576"), json);
        assertTrue(json.contains("\"total\":{\"name\":\"Total\""), json);
        assertTrue(json.contains("\"worst_restore_seconds\":180"), json);
    }

    @Test
    void anEmptyMonthSaysSoInEveryFormat() {
        MonthlyReport empty;
        try (CatalogFixture f = new CatalogFixture(dir, t("2026-11-05T09:00:00Z"))) {
            empty = new ReportBuilder(f.catalog, f.clock).build(YearMonth.of(2026, 10), ZoneOffset.UTC);
        }
        assertTrue(HtmlReport.write(empty).contains("No jobs and no runs in this period."));
        assertTrue(TextReport.write(empty).contains("No jobs and no runs in this period."));
        assertEquals(2, parseCsv(CsvReport.write(empty)).size(), "header and total");
    }

    @Test
    void aFailedWriteLeavesTheEarlierFileAsItWas() throws Exception {
        Path file = dir.resolve("report.csv");
        Files.writeString(file, "earlier");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> ReportFiles.write(dir.resolve("missing/report.csv"), "x"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        Files.createDirectory(dir.resolve("folder.csv"));
        e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> ReportFiles.write(dir.resolve("folder.csv"), "x"));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertEquals("earlier", Files.readString(file));
        ReportFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void aReplacedExportKeepsTheModeOfTheFileItReplaces() throws Exception {
        Path file = dir.resolve("shared.html");
        Files.writeString(file, "earlier");
        java.util.Set<java.nio.file.attribute.PosixFilePermission> shared =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, shared);
        ReportFiles.write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals(shared, Files.getPosixFilePermissions(file), "a report others could read stays readable to them");
    }
}
