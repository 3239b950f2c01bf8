package io.backbench.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandLine;

/**
 * Parses a command line and runs the command it names: built-in commands first, then those
 * contributed as services. Free of OSGi so it can be unit-tested; runs on the caller's thread.
 */
final class Dispatcher implements CommandLine {
    static final String JSON = "--json";

    private final List<Command> builtIns;
    private final Supplier<Collection<Command>> contributed;
    private final Function<Command, String> origin;

    /**
     * @param origin names where a contributed command comes from (its bundle), for error messages
     */
    Dispatcher(List<Command> builtIns, Supplier<Collection<Command>> contributed, Function<Command, String> origin) {
        this.builtIns = List.copyOf(builtIns);
        this.contributed = contributed;
        this.origin = origin;
    }

    @Override
    public int run(String[] argv, PrintStream out, PrintStream err) {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean json = removeJsonFlag(args);
        Map<String, Command> commands = commands(err);
        if (args.isEmpty()) {
            err.println("backbench: no command given.");
            printHelp(err, commands);
            return USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
            return help(args.subList(1, args.size()), commands, out, err);
        }
        if (first.equals("--version")) {
            first = "version";
        }
        if (first.startsWith("-")) {
            err.println("backbench: unknown option '" + first + "'. Run 'backbench --help' for the commands and options.");
            return USAGE;
        }
        Command command = commands.get(first);
        if (command == null) {
            err.println("backbench: unknown command '" + first + "'. Run 'backbench --help' for the list of commands.");
            return USAGE;
        }
        List<String> rest = new ArrayList<>(args.subList(1, args.size()));
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.usage().stripTrailing());
            return OK;
        }
        Context context = new Context(out, err, json, command.name());
        if (json && !command.supportsJson()) {
            return context.usageError("'" + command.name() + "' has no --json output");
        }
        try {
            return command.run(List.copyOf(rest), context);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            err.println("backbench " + command.name() + ": " + message);
            return FAILURE;
        }
    }

    /**
     * Every command by name; a built-in wins over a contributed one of the same name. A broken
     * contributed command must not break the whole command line: it is left out, saying why on
     * {@code err}.
     */
    Map<String, Command> commands(PrintStream err) {
        Map<String, Command> byName = new TreeMap<>();
        for (Command c : builtIns) {
            byName.putIfAbsent(c.name(), c);
        }
        for (Command c : contributed.get()) {
            String name;
            try {
                name = c.name();
            } catch (RuntimeException | LinkageError e) {
                err.println("backbench: warning: a command contributed by " + originOf(c) + " is left out: its name() failed: "
                        + e + "; update or uninstall that plugin ('backbench plugins list' shows it)");
                continue;
            }
            if (name == null || name.isBlank()) {
                err.println("backbench: warning: a command contributed by " + originOf(c)
                        + " is left out: it has no name; update or uninstall that plugin");
                continue;
            }
            byName.putIfAbsent(name, c);
        }
        return byName;
    }

    private String originOf(Command c) {
        try {
            return origin.apply(c);
        } catch (RuntimeException e) {
            return c.getClass().getName();
        }
    }

    /** Removes every --json before a "--" separator; true if there was one. */
    private static boolean removeJsonFlag(List<String> args) {
        int end = args.indexOf("--");
        List<String> head = args.subList(0, end < 0 ? args.size() : end);
        boolean json = head.contains(JSON);
        head.removeIf(JSON::equals);
        return json;
    }

    private int help(List<String> topics, Map<String, Command> commands, PrintStream out, PrintStream err) {
        if (topics.isEmpty()) {
            printHelp(out, commands);
            return OK;
        }
        Command c = commands.get(topics.get(0));
        if (c == null) {
            err.println("backbench: unknown command '" + topics.get(0) + "'. Run 'backbench --help' for the list of commands.");
            return USAGE;
        }
        out.println(c.usage().stripTrailing());
        return OK;
    }

    private static void printHelp(PrintStream out, Map<String, Command> commands) {
        out.println("Usage: backbench <command> [arguments] [--json]");
        out.println();
        out.println("Commands:");
        Map<String, String> summaries = new TreeMap<>();
        summaries.put("help", "Show the help of a command: backbench help <command>");
        for (Command c : commands.values()) {
            try {
                summaries.putIfAbsent(c.name(), c.summary());
            } catch (RuntimeException e) {
                summaries.putIfAbsent(c.name(), "(no summary: " + e + ")");
            }
        }
        Table table = Table.withoutHeader(3);
        summaries.forEach((name, summary) -> table.row("", name, summary));
        table.print(out);
        out.println();
        out.println("Run 'backbench help <command>' for a command's arguments.");
        out.println("--json gives machine-readable output where a command lists things.");
        out.println("Exit codes: 0 ok, 1 failure, 2 usage error, 3 completed with warnings.");
    }

    /** The context a command runs with. */
    record Context(PrintStream out, PrintStream err, boolean json, String commandName)
            implements io.backbench.cli.api.CommandContext {

        @Override
        public int usageError(String message) {
            err.println("backbench: " + message + ". Run 'backbench help " + commandName + "' for its usage.");
            return USAGE;
        }

        @Override
        public int failure(String message) {
            err.println("backbench: " + message);
            return FAILURE;
        }
    }
}
