package io.backbench.cli.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;

/**
 * For the tests of bundles that add commands (published in this module's test jar): runs a
 * {@link Command} as the dispatcher does, with its output captured, and gives the exit code and both
 * streams. Messages of usage errors and failures are printed as the dispatcher prints them.
 */
public final class CommandHarness {
    private CommandHarness() {
    }

    /** What a command did. */
    public record Run(int exit, String out, String err) {
        /** Everything, for an assertion's message. */
        public String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    public static Run run(Command command, boolean json, List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandContext ctx = new CommandContext() {
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
                return 2;
            }

            @Override
            public int failure(String message) {
                e.println("backbench: " + message);
                return 1;
            }
        };
        int exit = command.run(args, ctx);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
