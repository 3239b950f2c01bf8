package io.backbench.report.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.catalog.internal.JdbcCatalog;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;

class ReportCommandTest {
    private static final Instant NOW = Instant.parse("2026-11-05T09:00:00Z");

    @TempDir
    Path dir;
    JdbcCatalog catalog;
    ReportCommand command;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        catalog = JdbcCatalog.openH2(dir.resolve("catalog"), Clock.fixed(Instant.parse("2026-09-01T00:00:00Z"), ZoneOffset.UTC));
        JobDefinition job = catalog.saveJob(JobDefinition.of("Home folders", "backup", "/srv/repo", List.of("/home"))
                .withObjectives(Duration.ofDays(1), null));
        for (String start : List.of("2026-09-30T02:00:00Z", "2026-10-10T02:00:00Z", "2026-10-11T02:00:00Z")) {
            Run r = catalog.startRun(new NewRun(job.id(), job.name(), "backup", "/srv/repo", Instant.parse(start)));
            catalog.finishRun(r.id(), RunStatus.SUCCEEDED, Instant.parse(start).plusSeconds(600),
                    new RunMetrics(5000, 4096, 2048, 1024, 3, 2, 0, null, 0, ""), "");
        }
        command = new ReportCommand(catalog, clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private int run(boolean json, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        return command.run(List.of(args), new CommandContext() {
            @Override
            public PrintStream out() {
                return o;
            }

            @Override
            public PrintStream err() {
                return e;
            }

            @Override
            public boolean json() {
                return json;
            }

            @Override
            public int usageError(String message) {
                e.println("backbench: " + message);
                return CommandLine.USAGE;
            }

            @Override
            public int failure(String message) {
                e.println("backbench: " + message);
                return CommandLine.FAILURE;
            }
        });
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsTheLastCompleteMonthByDefault() {
        assertEquals(0, run(false, "monthly"), err());
        assertTrue(out().startsWith("Protection report: October 2026 (2026-10-01 00:00 to 2026-11-01 00:00 Z)"), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("Home folders") && l.contains("100.0 %") && l.contains("8.0 KiB")), out());
        assertTrue(out().contains("RPO breaches:\n  Home folders: 2026-10-01 02:10 to 2026-10-10 02:10"), out());
    }

    @Test
    void writesHtmlAndCsvFilesForAChosenMonth() throws Exception {
        Path html = dir.resolve("september.html");
        Path csv = dir.resolve("september.csv");
        assertEquals(0, run(false, "monthly", "--month", "2026-09", "--html", html.toString(), "--csv", csv.toString()), err());
        assertTrue(Files.readString(html).contains("Protection report: September 2026"));
        List<String> lines = Files.readString(csv).lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("2026-09,Home folders,backup,1,1,"), lines.get(1));
        assertTrue(err().contains("wrote " + html), err());
    }

    @Test
    void printsJsonWhenAsked() {
        assertEquals(0, run(true, "monthly", "--month", "2026-10"), err());
        assertTrue(out().startsWith("{\"month\":\"2026-10\""), out());
        assertTrue(out().contains("\"runs\":2"), out());
    }

    @Test
    void badInputIsAUsageErrorThatSaysWhatToType() {
        assertEquals(CommandLine.USAGE, run(false, "monthly", "--month", "October"));
        assertTrue(err().contains("--month wants a month as YYYY-MM, e.g. 2026-10; got 'October'"), err());
        assertEquals(CommandLine.USAGE, run(false, "weekly"));
        assertTrue(err().contains("unknown report 'weekly'"), err());
        assertEquals(CommandLine.USAGE, run(false, "monthly", "--month", "2027-01"));
        assertTrue(err().contains("has not begun yet"), err());
        assertEquals(CommandLine.USAGE, run(false, "monthly", "--html"));
        assertTrue(err().contains("--html needs a value"), err());
        assertEquals("", out(), "nothing printed on a usage error");
    }

    @Test
    void anUnwritableFileFailsWithItsName() {
        Path missing = dir.resolve("no/such/folder/report.html");
        assertEquals(CommandLine.FAILURE, run(false, "monthly", "--html", missing.toString()));
        assertTrue(err().contains("cannot write " + missing) && err().contains("does not exist"), err());
    }
}
