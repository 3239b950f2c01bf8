package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandContext;
import io.backbench.cli.api.CommandLine;
import io.backbench.cli.api.RepositoryAccess;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.DataFolders;

/**
 * What every repository command shares: the repository options, argument parsing, and turning
 * exceptions into one clear line and exit code 1. Runs on the launcher's main thread.
 */
abstract class RepoCommandBase implements Command {
    static final String COMMON_OPTIONS = RepositoryAccess.COMMON_OPTIONS;

    final ConfiguredTargets types;
    final Function<String, String> env;
    /** Where the repositories this command opens keep their caches on this machine, or null. */
    private Path repositoryCache;

    RepoCommandBase(ConfiguredTargets types, Function<String, String> env) {
        this.types = types;
        this.env = env;
    }

    /**
     * For the activating constructor: the repositories this command opens keep copies of their
     * index in the data folder's {@link DataFolders#repositoryCache} (see {@link RepositoryAccess}).
     */
    final void cacheIn(DataFolders folders) {
        repositoryCache = folders.repositoryCache();
    }

    /** The command's own options with values, and its flags (the repository options are added). */
    abstract Set<String> valueOptions();

    abstract Set<String> flagOptions();

    abstract int run(Args args, RepositoryAccess access, CommandContext ctx) throws IOException, Args.UsageException;

    @Override
    public boolean supportsJson() {
        return true;
    }

    @Override
    public final int run(List<String> argv, CommandContext ctx) {
        Args args;
        try {
            Set<String> withValue = new HashSet<>(valueOptions());
            withValue.addAll(RepositoryAccess.OPTIONS);
            args = Args.parse(argv, withValue, flagOptions());
        } catch (Args.UsageException e) {
            return ctx.usageError(e.getMessage());
        }
        try {
            return run(args, new RepositoryAccess(types, env, args, repositoryCache), ctx);
        } catch (Args.UsageException e) {
            return ctx.usageError(e.getMessage());
        } catch (CancellationException e) {
            return ctx.failure(name() + " was cancelled");
        } catch (IOException e) {
            return ctx.failure(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IllegalArgumentException e) {
            return ctx.usageError(e.getMessage());
        }
    }

    static int ok() {
        return CommandLine.OK;
    }
}
