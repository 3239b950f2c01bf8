package io.backbench.cli.api;

import java.io.PrintStream;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs one {@code backbench} command line. The launcher (outside the framework) finds this service
 * by its objectClass name and calls {@link #run} reflectively, then exits with the result.
 *
 * <p>Exit codes: 0 success, 1 failure (stderr says what happened and what to do), 2 usage error
 * (unknown command or option; stderr suggests {@code --help}), 3 completed with warnings.
 */
@ProviderType
public interface CommandLine {

    int OK = 0;
    int FAILURE = 1;
    int USAGE = 2;
    int WARNINGS = 3;

    /** Runs {@code args} (without the program name), writing to {@code out} and {@code err}. */
    int run(String[] args, PrintStream out, PrintStream err);
}
