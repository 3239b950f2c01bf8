package io.backbench.backup.internal.cli;

import io.backbench.cli.api.Args;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;

/**
 * Where the repository is and how to unlock it, as restic users expect: {@code -r/--repo} or
 * {@code BACKBENCH_REPOSITORY} (any location {@link ConfiguredTargets#open} takes: a folder path,
 * {@code target:NAME}, {@code TYPE:VALUE} or {@code TYPE:key=value,...}), the
 * password from {@code BACKBENCH_PASSWORD}, {@code --password-file} or a prompt on the terminal.
 */
final class RepoAccess {
    static final Set<String> OPTIONS = Set.of("-r", "--repo", "--password-file");

    private final ConfiguredTargets targets;
    private final Function<String, String> env;
    private final String location;
    private final String passwordFile;

    /** An open repository and its target, closed together. */
    record Opened(Repository repo, StorageTarget target) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                repo.close();
            } finally {
                target.close();
            }
        }
    }

    RepoAccess(ConfiguredTargets targets, Function<String, String> env, Args args) {
        this.targets = targets;
        this.env = env;
        String r = args.value("-r", "--repo");
        this.location = r != null ? r : env.apply("BACKBENCH_REPOSITORY");
        this.passwordFile = args.value("--password-file");
    }

    /** Opens the repository; every failure is an exception whose message says what to do. */
    Opened open() throws IOException {
        StorageTarget target = target(false);
        char[] password = password(false);
        try {
            return new Opened(Repositories.open(target, password, RepositoryOptions.defaults()), target);
        } catch (WrongPasswordException e) {
            target.close();
            throw new IOException("wrong password for the repository at " + location
                    + ": no key opens with it. Check BACKBENCH_PASSWORD or --password-file", e);
        } catch (RepositoryException e) {
            target.close();
            if (e.getMessage() != null && e.getMessage().contains("no config file")) {
                throw new IOException("there is no repository at " + location + "; create one with 'backbench repo init -r "
                        + location + "'", e);
            }
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Initialises a new repository (the password is asked twice on a terminal). */
    Opened init() throws IOException {
        StorageTarget target = target(true);
        char[] password = password(true);
        try {
            return new Opened(Repositories.init(target, password, RepositoryOptions.defaults()), target);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    String location() {
        return location;
    }

    private StorageTarget target(boolean create) throws IOException {
        if (location == null || location.isBlank()) {
            throw new IOException("no repository given: use -r/--repo LOCATION or set BACKBENCH_REPOSITORY"
                    + " (a folder path, target:NAME for a configured target, or TYPE:... for another target type;"
                    + " 'backbench targets list' and 'backbench targets types' list them)");
        }
        try {
            return targets.open(location, create);
        } catch (TargetException e) {
            if (!create && e.getMessage() != null && e.getMessage().contains("does not exist")) {
                throw new IOException("there is no repository at " + location + "; create one with 'backbench repo init -r "
                        + location + "'", e);
            }
            throw e;
        }
    }

    private char[] password(boolean twice) throws IOException {
        String fromEnv = env.apply("BACKBENCH_PASSWORD");
        if (passwordFile != null) {
            try {
                String s = Files.readString(Path.of(passwordFile), StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                return (nl >= 0 ? s.substring(0, nl) : s).replace("\r", "").toCharArray();
            } catch (NoSuchFileException e) {
                throw new IOException("password file " + passwordFile + " does not exist");
            }
        }
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console c = System.console();
        if (c == null) {
            throw new IOException("no password: set BACKBENCH_PASSWORD, use --password-file FILE, or run on a terminal to be asked");
        }
        char[] p = c.readPassword("enter password for repository: ");
        if (p == null || p.length == 0) {
            throw new IOException("an empty password is not allowed");
        }
        if (twice) {
            char[] again = c.readPassword("enter password again: ");
            if (!Arrays.equals(p, again)) {
                throw new IOException("the passwords do not match; nothing was created");
            }
        }
        return p;
    }
}
