package io.backbench.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;

class DispatcherTest {
    private final EchoCommand echo = new EchoCommand("echo", true);
    private final List<Command> contributed = new ArrayList<>();
    private final Dispatcher dispatcher = new Dispatcher(List.of(echo), () -> contributed,
            c -> "the bundle com.acme.broken 1.0.0 (id 42)");
    private final Output out = new Output();
    private final Output err = new Output();

    private int run(String... args) {
        return dispatcher.run(args, out.stream, err.stream);
    }

    @Test
    void runsTheNamedCommandWithTheRestOfTheArguments() {
        assertEquals(0, run("echo", "a", "b"));
        assertEquals(List.of("a", "b"), echo.args);
        assertFalse(echo.jsonSeen);
        assertEquals("a b\n", out.text());
    }

    @Test
    void jsonFlagIsTakenFromAnywhereBeforeADoubleDash() {
        assertEquals(0, run("--json", "echo", "a", "--", "--json"));
        assertTrue(echo.jsonSeen);
        assertEquals(List.of("a", "--", "--json"), echo.args);
    }

    @Test
    void noCommandIsAUsageErrorWithTheHelpOnStderr() {
        assertEquals(2, run());
        assertTrue(err.text().contains("no command given"), err.text());
        assertTrue(err.text().contains("Usage: backbench <command>"), err.text());
    }

    @Test
    void helpListsBuiltInAndContributedCommandsSorted() {
        contributed.add(new EchoCommand("repo", false));
        assertEquals(0, run("--help"));
        String text = out.text();
        assertTrue(text.contains("  echo  "), text);
        assertTrue(text.indexOf("  echo ") < text.indexOf("  help ") && text.indexOf("  help ") < text.indexOf("  repo "), text);
        assertTrue(text.contains("summary of repo"), text);
        assertTrue(text.contains("Exit codes: 0 ok, 1 failure, 2 usage error"), text);
        assertEquals(0, run("-h"));
        assertEquals(0, run("help"));
    }

    @Test
    void helpForACommandPrintsItsUsage() {
        assertEquals(0, run("help", "echo"));
        assertEquals("Usage: backbench echo [WORD...]\n", out.text());
    }

    @Test
    void aCommandsOwnHelpOptionPrintsItsUsageWithoutRunningIt() {
        assertEquals(0, run("echo", "x", "--help"));
        assertEquals("Usage: backbench echo [WORD...]\n", out.text());
        assertEquals(null, echo.args);
    }

    @Test
    void helpForAnUnknownCommandIsAUsageError() {
        assertEquals(2, run("help", "nope"));
        assertTrue(err.text().contains("unknown command 'nope'"), err.text());
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatSuggestsHelp() {
        assertEquals(2, run("frobnicate"));
        assertEquals("backbench: unknown command 'frobnicate'. Run 'backbench --help' for the list of commands.\n", err.text());
        assertEquals("", out.text());
    }

    @Test
    void anUnknownOptionIsAUsageErrorThatSuggestsHelp() {
        assertEquals(2, run("--verbose", "echo"));
        assertTrue(err.text().contains("unknown option '--verbose'") && err.text().contains("--help"), err.text());
    }

    @Test
    void jsonForACommandWithoutJsonOutputIsAUsageError() {
        contributed.add(new EchoCommand("plain", false));
        assertEquals(2, run("plain", "--json"));
        assertTrue(err.text().contains("'plain' has no --json output"), err.text());
        assertTrue(err.text().contains("backbench help plain"), err.text());
    }

    @Test
    void aBuiltInCommandWinsOverAContributedOneOfTheSameName() {
        EchoCommand impostor = new EchoCommand("echo", true);
        contributed.add(impostor);
        assertEquals(0, run("echo", "x"));
        assertEquals(List.of("x"), echo.args);
        assertEquals(null, impostor.args);
    }

    @Test
    void aContributedCommandWhoseNameFailsIsLeftOutSayingWhichBundleAndWhy() {
        contributed.add(new EchoCommand("repo", false) {
            @Override
            public String name() {
                throw new IllegalStateException("not configured");
            }
        });
        contributed.add(new EchoCommand("image", false));

        assertEquals(0, run("--help"));

        assertTrue(out.text().contains("  image "), "the other commands still work: " + out.text());
        assertTrue(err.text().contains("the bundle com.acme.broken 1.0.0 (id 42)"), err.text());
        assertTrue(err.text().contains("name() failed: java.lang.IllegalStateException: not configured"), err.text());
        assertEquals(0, run("image"));
    }

    @Test
    void theCommandsExitCodeIsReturned() {
        assertEquals(3, run("echo", "exit=3"));
    }

    @Test
    void anExceptionInACommandIsAFailureWithItsMessageOnStderr() {
        assertEquals(1, run("echo", "throw"));
        assertEquals("backbench echo: the repository is locked; run 'backbench repo unlock'\n", err.text());
    }

    @Test
    void versionOptionRunsTheVersionCommand() {
        EchoCommand version = new EchoCommand("version", false);
        contributed.add(version);
        assertEquals(0, run("--version"));
        assertEquals(List.of(), version.args);
    }

    @Test
    void contextReportsUsageErrorsAndFailuresConsistently() {
        Dispatcher.Context ctx = new Dispatcher.Context(out.stream, err.stream, false, "plugins");
        assertEquals(2, ctx.usageError("missing JAR"));
        assertEquals(1, ctx.failure("cannot read x.jar"));
        assertEquals("backbench: missing JAR. Run 'backbench help plugins' for its usage.\nbackbench: cannot read x.jar\n",
                err.text());
    }

    /** A small command of the kind a plugin contributes: prints its arguments. */
    static class EchoCommand implements Command {
        private final String name;
        private final boolean json;
        List<String> args;
        boolean jsonSeen;

        EchoCommand(String name, boolean json) {
            this.name = name;
            this.json = json;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String summary() {
            return "summary of " + name;
        }

        @Override
        public String usage() {
            return "Usage: backbench " + name + " [WORD...]\n\n";
        }

        @Override
        public boolean supportsJson() {
            return json;
        }

        @Override
        public int run(List<String> args, CommandContext ctx) {
            this.args = args;
            this.jsonSeen = ctx.json();
            if (args.contains("throw")) {
                throw new IllegalStateException("the repository is locked; run 'backbench repo unlock'");
            }
            for (String a : args) {
                if (a.startsWith("exit=")) {
                    return Integer.parseInt(a.substring(5));
                }
            }
            ctx.out().println(String.join(" ", args));
            return 0;
        }
    }
}
