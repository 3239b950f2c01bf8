package io.backbench.jobs.scheduler.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.repository.api.OpenedRepository;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.StorageTarget;

/**
 * Opens (or creates) a job's repository, for the scheduler's runs and the views alike. The location
 * is written as the CLI's {@code -r} takes it and resolved by {@link ConfiguredTargets#open}: a
 * folder path, {@code target:NAME}, {@code TYPE:VALUE} or {@code TYPE:key=value,...}. The password
 * comes from the job's {@link JobOptions#PASSWORD_FILE} option, else from the environment variable
 * its {@link JobOptions#PASSWORD_ENV} option names, else {@code BACKBENCH_PASSWORD}. Every failure
 * is an {@link IOException} that says what to set. Blocks: not on a UI thread. Thread-safe.
 */
public final class JobRepositories {
    private final ConfiguredTargets targets;
    private final Function<String, String> env;
    private final Path cacheDir;

    /** @param env the environment ({@code System::getenv}; a map's {@code get} in tests) */
    public JobRepositories(ConfiguredTargets targets, Function<String, String> env) {
        this(targets, env, null);
    }

    /**
     * As above; the repositories keep copies of their index on this machine in {@code cacheDir} (see
     * {@link RepositoryOptions#cacheDir}), or nowhere if it is null.
     */
    public JobRepositories(ConfiguredTargets targets, Function<String, String> env, Path cacheDir) {
        this.targets = targets;
        this.env = env;
        this.cacheDir = cacheDir;
    }

    /** The location as it may be shown: secret settings masked (see {@link ConfiguredTargets#display}). */
    public String display(String location) {
        return targets.display(location);
    }

    public OpenedRepository open(JobDefinition job) throws IOException {
        return openOrInit(job, false);
    }

    /** Creates a new repository at the job's location (which must hold none yet). */
    public void init(JobDefinition job) throws IOException {
        try (OpenedRepository o = openOrInit(job, true)) {
            // created; nothing else to do
        }
    }

    private OpenedRepository openOrInit(JobDefinition job, boolean create) throws IOException {
        String location = job.repository();
        if (location.isBlank()) {
            throw new IOException("job '" + job.name() + "' has no repository; edit the job and set one (its Target page)");
        }
        StorageTarget target = targets.open(location, create);
        char[] password = password(job);
        try {
            Repository r = create ? Repositories.init(target, password, RepositoryOptions.defaults().withCacheDir(cacheDir))
                    : Repositories.open(target, password, RepositoryOptions.defaults().withCacheDir(cacheDir));
            return new OpenedRepository(r, target);
        } catch (WrongPasswordException e) {
            target.close();
            throw new IOException("wrong password for the repository " + display(location) + " of job '" + job.name()
                    + "': check its password-file or password-env option (on its Target page)", e);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private char[] password(JobDefinition job) throws IOException {
        String file = job.options().get(JobOptions.PASSWORD_FILE);
        if (file != null && !file.isBlank()) {
            try {
                String s = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                int nl = s.indexOf('\n');
                return (nl >= 0 ? s.substring(0, nl) : s).replace("\r", "").toCharArray();
            } catch (NoSuchFileException e) {
                throw new IOException("the password file " + file + " of job '" + job.name() + "' does not exist");
            }
        }
        String var = job.options().getOrDefault(JobOptions.PASSWORD_ENV, "BACKBENCH_PASSWORD");
        String value = env.apply(var);
        if (value == null || value.isEmpty()) {
            throw new IOException("no password for the repository of job '" + job.name() + "': set a password file on its"
                    + " Target page (the job's password-file option), or the environment variable " + var);
        }
        return value.toCharArray();
    }
}
