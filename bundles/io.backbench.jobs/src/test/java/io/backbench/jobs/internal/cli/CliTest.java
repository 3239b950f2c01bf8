package io.backbench.jobs.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.jobs.internal.CliFixture;

/** The jobs, history and verify commands on the real catalog, runner and a disk repository. */
class CliTest {
    @TempDir
    Path dir;
    CliFixture f;
    Path source;
    String repo;
    String out;
    String err;

    @BeforeEach
    void setUp() throws Exception {
        f = new CliFixture(dir);
        source = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(source.resolve("a.txt"), "alpha\n".repeat(1000));
        Files.writeString(source.resolve("b.txt"), "beta\n".repeat(1000));
        repo = f.repository("repo");
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private int run(Command c, String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        boolean json = List.of(args).contains("--json");
        PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8);
        PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext() {
            @Override
            public PrintStream out() {
                return po;
            }

            @Override
            public PrintStream err() {
                return pe;
            }

            @Override
            public boolean json() {
                return json;
            }

            @Override
            public int usageError(String message) {
                pe.println("backbench: " + message);
                return CommandLine.USAGE;
            }

            @Override
            public int failure(String message) {
                pe.println("backbench: " + message);
                return CommandLine.FAILURE;
            }
        };
        int code = c.run(List.of(args).stream().filter(a -> !a.equals("--json")).toList(), ctx);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private JobsCommand jobs() {
        return new JobsCommand(f.catalog(), f.runner(), f.scheduler());
    }

    @Test
    void addsListsRunsAndRemovesAJob() {
        assertEquals(0, run(jobs(), "add", "docs", "--kind", "backup", "--repo", repo, "--source", source.toString(), "--schedule",
                "daily 02:30", "--rpo", "26h", "--rto", "1h30m", "--password-file", f.passwordFile().toString()), err);
        assertTrue(out.contains("added job 'docs' (backup, daily 02:30)"), out);
        JobDefinition j = f.catalog().jobByName("docs").orElseThrow();
        assertEquals(java.time.Duration.ofMinutes(90), j.rto());

        assertEquals(0, run(jobs(), "list"));
        assertTrue(out.startsWith("NAME") && out.contains("docs") && out.contains("daily 02:30"), out);
        assertEquals(0, run(jobs(), "list", "--json"));
        assertTrue(out.contains("\"name\":\"docs\"") && out.contains("\"rpo_seconds\":93600"), out);

        assertEquals(0, run(jobs(), "run", "docs"), err);
        assertTrue(out.matches("(?s)run \\d+ of 'docs': succeeded in .*snapshot [0-9a-f]{8}: 2 files.*"), out);

        assertEquals(0, run(new HistoryCommand(f.catalog()), "--json"));
        assertTrue(out.startsWith("[{\"id\":") && out.contains("\"status\":\"succeeded\"") && out.contains("\"bytes_read\":11000"), out);
        assertEquals(0, run(new HistoryCommand(f.catalog()), "--job", "docs"));
        assertTrue(out.contains("1 of 1 runs"), out);

        assertEquals(0, run(new VerifyCommand(f.catalog(), f.runner()), "latest", "--job", "docs"), err);
        assertTrue(out.startsWith("passed: 2 files (11000 bytes) restored and equal"), out);

        assertEquals(0, run(jobs(), "remove", "docs"));
        assertTrue(f.catalog().jobByName("docs").isEmpty());
    }

    @Test
    void mistakesGiveUsageErrorsThatSayWhatToFix() {
        assertEquals(CommandLine.USAGE, run(jobs(), "add", "x", "--kind", "backup", "--repo", repo, "--source", "/x", "--schedule", "at noon"));
        assertTrue(err.contains("'at noon' is not understood"), err);
        assertEquals(CommandLine.USAGE, run(jobs(), "add", "x", "--kind", "teleport", "--repo", repo));
        assertTrue(err.contains("unknown job kind 'teleport'; installed kinds: backup, check, restore-test, retention"), err);
        assertEquals(CommandLine.USAGE, run(jobs(), "add", "x", "--kind", "backup", "--repo", repo));
        assertTrue(err.contains("has no source"), err);
        assertEquals(CommandLine.USAGE, run(jobs(), "add", "x", "--kind", "backup", "--repo", repo, "--source", "/x", "--rpo", "soon"));
        assertTrue(err.contains("'soon' is not a duration"), err);
        assertEquals(CommandLine.USAGE, run(jobs(), "frobnicate"));
        assertEquals(CommandLine.FAILURE, run(jobs(), "run", "nope"), err);
        assertTrue(err.contains("no job 'nope'"), err);
        assertEquals(CommandLine.USAGE, run(new HistoryCommand(f.catalog()), "--status", "great"));
        assertTrue(f.catalog().jobs().isEmpty(), "nothing was saved");
    }

    @Test
    void aFailedRunExitsWithFailure() {
        run(jobs(), "add", "gone", "--kind", "backup", "--repo", repo, "--source", dir.resolve("missing").toString(), "--password-file",
                f.passwordFile().toString());
        assertEquals(CommandLine.FAILURE, run(jobs(), "run", "gone"));
        assertTrue(out.contains(": failed in"), out);
        assertTrue(err.contains("job 'gone' failed"), err);
    }


}
