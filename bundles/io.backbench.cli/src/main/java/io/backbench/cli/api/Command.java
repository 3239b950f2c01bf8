package io.backbench.cli.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One {@code backbench <name>} command, contributed as an OSGi service (whiteboard). Register it
 * with the service property {@link #NAME_PROPERTY} set to {@link #name()} so the Plugins view can
 * say "command: name" without loading the object. A command handles its own sub-commands
 * ({@code backbench repo init ...}: name "repo", args {@code [init, ...]}).
 *
 * <p>{@link #run} is called on the launcher's main thread; it may block until the work is done.
 */
@ConsumerType
public interface Command {

    /** Service property that repeats {@link #name()}. */
    String NAME_PROPERTY = "backbench.command";

    /** One lower-case word, e.g. {@code repo}; a built-in command of the same name wins. */
    String name();

    /** One line for {@code backbench --help}. */
    String summary();

    /** The full help: synopsis lines, options, examples; printed by {@code backbench help <name>}. */
    String usage();

    /** Whether {@code --json} is accepted; if not, the dispatcher refuses it as a usage error. */
    default boolean supportsJson() {
        return false;
    }

    /**
     * Runs the command with the arguments after its name ({@code --json} already removed and
     * reported by {@link CommandContext#json()}). Returns an exit code of {@link CommandLine}.
     * An unchecked exception is reported as a failure (exit 1) with its message.
     */
    int run(List<String> args, CommandContext context);
}
