package io.backbench.ui.monitor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.StorageTarget;

/**
 * Opens (or creates) a job's repository the way the jobs bundle does: the location as the CLI's
 * {@code -r} takes it, resolved by {@link ConfiguredTargets#open}, the password from the job's {@code password-file} or {@code password-env}
 * option, else {@code BACKBENCH_PASSWORD}. The jobs bundle keeps its own locator internal, so the
 * views repeat the password rule here. Blocks: worker threads only.
 */
public final class RepositoryAccess {
    private final ConfiguredTargets targets;

    public RepositoryAccess(ConfiguredTargets targets) {
        this.targets = targets;
    }

    /** An open repository and its target, closed together. */
    public record Opened(Repository repository, StorageTarget target) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                repository.close();
            } finally {
                target.close();
            }
        }
    }

    /** {@code target:NAME} for every configured target, by name. Reads a few small files. */
    public List<String> configuredLocations() {
        try {
            return targets.all().stream().map(e -> "target:" + e.name()).toList();
        } catch (RuntimeException e) {
            return List.of(); // an unreadable target file: the field still takes free text
        }
    }

    public Opened open(JobDefinition job) throws IOException {
        return openOrInit(job, false);
    }

    /** Creates a new repository at the job's location (which must hold none yet). */
    public void init(JobDefinition job) throws IOException {
        try (Opened o = openOrInit(job, true)) {
            // created; nothing else to do
        }
    }

    private Opened openOrInit(JobDefinition job, boolean create) throws IOException {
        String location = job.repository();
        if (location.isBlank()) {
            throw new IOException("job '" + job.name() + "' has no repository; edit the job and set one on its Target page");
        }
        StorageTarget target = targets.open(location, create);
        char[] password = password(job);
        try {
            Repository r = create ? Repositories.init(target, password, RepositoryOptions.defaults())
                    : Repositories.open(target, password, RepositoryOptions.defaults());
            return new Opened(r, target);
        } catch (WrongPasswordException e) {
            target.close();
            throw new IOException("wrong password for the repository " + location + " of job '" + job.name()
                    + "': check its password file", e);
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] password(JobDefinition job) throws IOException {
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
        String value = System.getenv(var);
        if (value == null || value.isEmpty()) {
            throw new IOException("no password for the repository of job '" + job.name() + "': set a password file on its Target"
                    + " page, or the environment variable " + var);
        }
        return value.toCharArray();
    }
}
