package io.backbench.cli.api;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.repository.api.OpenedRepository;
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
 * password from {@code BACKBENCH_PASSWORD}, {@code --password-file} or a prompt on the terminal. For
 * the commands that work on a repository (file backups, images); every failure is an
 * {@link IOException} whose message says what to do.
 */
public final class RepositoryAccess {
    /** The options this class reads; each takes a value. */
    public static final Set<String> OPTIONS = Set.of("-r", "--repo", "--password-file");
    /** Their help text, for a command's usage. */
    public static final String COMMON_OPTIONS = """
            Repository options:
              -r, --repo LOCATION     the repository: a folder path, target:NAME, or TYPE:VALUE
                                      (default: $BACKBENCH_REPOSITORY)
              --password-file FILE    read the password from FILE (default: $BACKBENCH_PASSWORD, else a prompt)""";
    private static final Pattern TYPED = Pattern.compile("([a-z][a-z0-9+.-]*):(.*)", Pattern.DOTALL);

    private final ConfiguredTargets targets;
    private final Function<String, String> env;
    private final String location;
    private final String passwordFile;
    private final Path cacheDir;

    /** @param env the environment ({@code System::getenv}, or a map's {@code get} in tests) */
    public RepositoryAccess(ConfiguredTargets targets, Function<String, String> env, Args args) {
        this(targets, env, args, null);
    }

    /**
     * As above; the repository keeps copies of its index on this machine in {@code cacheDir} (see
     * {@link RepositoryOptions#cacheDir}), or nowhere if it is null.
     */
    public RepositoryAccess(ConfiguredTargets targets, Function<String, String> env, Args args, Path cacheDir) {
        this.targets = targets;
        this.env = env;
        String r = args.value("-r", "--repo");
        this.location = r != null ? r : env.apply("BACKBENCH_REPOSITORY");
        this.passwordFile = args.value("--password-file");
        this.cacheDir = cacheDir;
    }

    /** Opens the repository; every failure is an exception whose message says what to do. */
    public OpenedRepository open() throws IOException {
        StorageTarget target = target(false);
        char[] password = password(false);
        try {
            return new OpenedRepository(Repositories.open(target, password, options()), target);
        } catch (WrongPasswordException e) {
            target.close();
            throw new IOException("wrong password for the repository at " + displayLocation()
                    + ": no key opens with it. Check BACKBENCH_PASSWORD or --password-file", e);
        } catch (RepositoryException e) {
            target.close();
            if (e.getMessage() != null && e.getMessage().contains("no config file")) {
                throw new IOException("there is no repository at " + displayLocation() + "; create one with 'backbench repo init -r "
                        + displayLocation() + "'", e);
            }
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Initialises a new repository (the password is asked twice on a terminal). */
    public OpenedRepository init() throws IOException {
        StorageTarget target = target(true);
        char[] password = password(true);
        try {
            return new OpenedRepository(Repositories.init(target, password, options()), target);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private RepositoryOptions options() {
        return RepositoryOptions.defaults().withCacheDir(cacheDir);
    }

    /** The location as given (option or environment), or null. */
    public String location() {
        return location;
    }

    /** The location as it may be printed: secret settings masked (see {@link ConfiguredTargets#display}), or null. */
    public String displayLocation() {
        return location == null ? null : targets.display(location);
    }

    /** The repository's folder if it is on a local disk target, else null (for the fsfreeze check). */
    public Path localFolder() {
        if (location == null || location.isBlank()) {
            return null;
        }
        if (location.startsWith("target:")) {
            return targets.find(location.substring(7).trim()).filter(e -> e.type().equals("disk"))
                    .flatMap(e -> e.settings().get("path")).map(p -> Path.of(p).toAbsolutePath().normalize()).orElse(null);
        }
        if (location.startsWith("/") || !TYPED.matcher(location).matches()) {
            return Path.of(location).toAbsolutePath().normalize();
        }
        return location.startsWith("disk:") && !location.contains("=") ? Path.of(location.substring(5)).toAbsolutePath().normalize() : null;
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
                throw new IOException("there is no repository at " + displayLocation() + "; create one with 'backbench repo init -r "
                        + displayLocation() + "'", e);
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
