package io.backbench.cli.api;

import java.io.PrintStream;

import org.osgi.annotation.versioning.ProviderType;

/** What a running {@link Command} writes to, and how it reports errors consistently. */
@ProviderType
public interface CommandContext {

    /** Results: human text, or JSON when {@link #json()}. */
    PrintStream out();

    /** Errors, warnings and progress. */
    PrintStream err();

    /** Whether the user asked for machine-readable JSON output ({@code --json}). */
    boolean json();

    /**
     * Prints "backbench: {@code message}" and a pointer to the command's help on stderr and
     * returns {@link CommandLine#USAGE}: {@code return context.usageError("missing JAR");}
     */
    int usageError(String message);

    /**
     * Prints "backbench: {@code message}" on stderr and returns {@link CommandLine#FAILURE}. The
     * message says what happened and what to do.
     */
    int failure(String message);
}
