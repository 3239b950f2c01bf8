package io.backbench.ui.monitor.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.core.api.TargetTypes;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/**
 * Opens (or creates) a job's repository the way the jobs bundle does: the location as the CLI's
 * {@code -r} takes it, the password from the job's {@code password-file} or {@code password-env}
 * option, else {@code BACKBENCH_PASSWORD}. The jobs bundle keeps its own locator internal, so the
 * views repeat the rule here. Blocks: worker threads only.
 */
public final class RepositoryAccess {
    private final TargetTypes types;

    public RepositoryAccess(TargetTypes types) {
        this.types = types;
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
        StorageTarget target = target(location, create);
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

    private StorageTarget target(String location, boolean create) throws IOException {
        String type = "disk";
        String rest = location;
        int colon = location.indexOf(':');
        if (!location.startsWith("/") && colon > 0 && location.substring(0, colon).matches("[a-z][a-z0-9+.-]*")) {
            type = location.substring(0, colon);
            rest = location.substring(colon + 1);
        }
        String wanted = type;
        TargetFactory f = types.find(type).orElseThrow(() -> new IOException("no storage target of type '" + wanted
                + "' is installed (repository " + location + "); the Targets perspective lists the installed ones"));
        Map<String, String> settings = new LinkedHashMap<>();
        if (type.equals("disk") && !location.startsWith("disk:")) {
            settings.put("path", Path.of(rest).toAbsolutePath().normalize().toString());
        } else if (rest.contains("=")) {
            for (String kv : rest.split(",")) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IOException("repository location '" + location + "': '" + kv + "' is not key=value");
                }
                settings.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        } else if (!rest.isEmpty()) {
            SettingDescriptor first = f.settings().stream().filter(SettingDescriptor::required).findFirst()
                    .orElseThrow(() -> new IOException("target type " + f.type() + " takes no location value; use " + f.type() + ":"));
            settings.put(first.key(), rest);
        }
        if (f.settings().stream().anyMatch(s -> s.key().equals("create"))) {
            settings.put("create", Boolean.toString(create));
        }
        return f.open(TargetSettings.of(settings));
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
