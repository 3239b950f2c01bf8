package io.backbench.jobs.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.repository.api.WrongPasswordException;
import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/**
 * Opens a job's repository. The location is written as the CLI's {@code -r} takes it: a folder
 * path is the {@code disk} target; {@code TYPE:key=value,...} or {@code TYPE:VALUE} (VALUE for the
 * type's first required setting) another target type. The password comes from the job's
 * {@code password-file} or {@code password-env} option, else {@code BACKBENCH_PASSWORD}.
 */
final class RepositoryLocator {
    private static final Pattern TYPED = Pattern.compile("([a-z][a-z0-9+.-]*):(.*)", Pattern.DOTALL);

    private final Function<String, Optional<TargetFactory>> types;
    private final Function<String, String> env;

    RepositoryLocator(Function<String, Optional<TargetFactory>> types, Function<String, String> env) {
        this.types = types;
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
        StorageTarget target = target(location);
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

    private StorageTarget target(String location) throws IOException {
        Matcher m = TYPED.matcher(location);
        String type = "disk";
        String rest = location;
        if (m.matches() && !location.startsWith("/")) {
            type = m.group(1);
            rest = m.group(2);
        }
        String wanted = type;
        TargetFactory f = types.apply(type).orElseThrow(() -> new IOException("no storage target of type '" + wanted
                + "' is installed (repository " + location + "); 'backbench targets types' lists the installed ones"));
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
            settings.put("create", "false");
        }
        try {
            return f.open(TargetSettings.of(settings));
        } catch (TargetException e) {
            throw new TargetException("cannot open the repository location " + location + ": " + e.getMessage(), e, e.isRetryable());
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
