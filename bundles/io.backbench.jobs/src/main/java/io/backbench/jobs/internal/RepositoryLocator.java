package io.backbench.jobs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.StorageTarget;

/**
 * Opens a job's repository. The location is written as the CLI's {@code -r} takes it and resolved
 * by {@link ConfiguredTargets#open}: a folder path, {@code target:NAME}, {@code TYPE:VALUE} or
 * {@code TYPE:key=value,...}. The password comes from the job's
 * {@code password-file} or {@code password-env} option, else {@code BACKBENCH_PASSWORD}.
 */
final class RepositoryLocator {
    private final ConfiguredTargets targets;
    private final Function<String, String> env;

    RepositoryLocator(ConfiguredTargets targets, Function<String, String> env) {
        this.targets = targets;
        this.env = env;
    }

    /** An open repository and its target, closed together. */
    record Opened(Repository repository, StorageTarget target) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                repository.close();
            } finally {
                target.close();
            }
        }
    }

    Opened open(JobDefinition job) throws IOException {
        String location = job.repository();
        if (location.isBlank()) {
            throw new IOException("job '" + job.name() + "' has no repository; edit the job and set one");
        }
        StorageTarget target = targets.open(location);
        char[] password = password(job);
        try {
            return new Opened(Repositories.open(target, password, RepositoryOptions.defaults()), target);
        } catch (WrongPasswordException e) {
            target.close();
            throw new IOException("wrong password for the repository " + location + " of job '" + job.name()
                    + "': check its password-file or password-env option", e);
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
            throw new IOException("no password for the repository of job '" + job.name() + "': set its password-file option,"
                    + " or the environment variable " + var);
        }
        return value.toCharArray();
    }
}
