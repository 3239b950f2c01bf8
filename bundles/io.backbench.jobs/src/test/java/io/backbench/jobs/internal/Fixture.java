package io.backbench.jobs.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.internal.JdbcCatalog;
import io.backbench.core.internal.ConfiguredTargetsComponent;
import io.backbench.core.internal.JobManagerComponent;
import io.backbench.jobs.api.JobManager;
import io.backbench.jobs.scheduler.api.JobKind;
import io.backbench.jobs.scheduler.api.JobOptions;
import io.backbench.jobs.scheduler.api.JobRepositories;
import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

/**
 * The real parts a jobs test needs, in a temporary folder: the catalog on H2, the core's JobManager,
 * the disk target, a repository with a password file, and a runner over them.
 */
final class Fixture implements AutoCloseable {
    static final char[] PASSWORD = "test password".toCharArray();

    final Path dir;
    final Clock clock;
    final JdbcCatalog catalog;
    final JobManager jobManager;
    final Notifiers notifiers = new Notifiers();
    final RunnerEngine runner;
    final Path passwordFile;
    /** The core's configured targets, kept under {@code dir/config}. */
    final ConfiguredTargetsComponent targets;

    Fixture(Path dir, Clock clock, int workers, RunnerSettings settings) throws IOException {
        this(dir, clock, workers, settings, diskOnly());
    }

    /** With the target types {@code types} (by type name) behind the core's configured targets. */
    Fixture(Path dir, Function<String, Optional<TargetFactory>> types) throws IOException {
        this(dir, Clock.systemUTC(), 2, new RunnerSettings(2, 0, Duration.ZERO), types);
    }

    private Fixture(Path dir, Clock clock, int workers, RunnerSettings settings,
                    Function<String, Optional<TargetFactory>> types) throws IOException {
        this.dir = dir;
        this.clock = clock;
        this.catalog = JdbcCatalog.openH2(dir.resolve("catalog"), clock);
        this.jobManager = jobManager(workers);
        this.passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, new String(PASSWORD) + "\n", StandardCharsets.UTF_8);
        this.targets = new ConfiguredTargetsComponent(dir.resolve("config"), types);
        this.runner = new RunnerEngine(catalog, jobManager, new JobRepositories(targets, k -> null), clock, notifiers, settings);
        runner.addKind(new FileBackupKind(dir.resolve("cache").resolve("backup")));
        runner.addKind(new RestoreTestKind());
        runner.addKind(new RetentionKind());
        runner.addKind(new CheckKind());
    }

    private static Function<String, Optional<TargetFactory>> diskOnly() {
        TargetFactory disk = new DiskTargetFactory();
        return t -> t.equals("disk") ? Optional.of(disk) : Optional.empty();
    }

    Fixture(Path dir) throws IOException {
        this(dir, Clock.systemUTC(), 2, new RunnerSettings(2, 0, Duration.ZERO));
    }

    void addKind(JobKind k) {
        runner.addKind(k);
    }

    /** A new repository at {@code dir/name} (cheap key derivation); returns its location. */
    String repository(String name) throws IOException {
        Path repo = dir.resolve(name);
        try (var target = new DiskTargetFactory().open(TargetSettings.of(Map.of("path", repo.toString(), "fsync", "false")));
                var r = Repositories.init(target, PASSWORD, RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1)))) {
            return repo.toString();
        }
    }

    JobDefinition job(String name, String kind, String repository, String... sources) {
        return JobDefinition.of(name, kind, repository, java.util.List.of(sources)).withOption(JobOptions.PASSWORD_FILE, passwordFile.toString());
    }

    /** The core's JobManager, as its DS component makes it. */
    static JobManager jobManager(int workers) {
        return new JobManagerComponent(new JobManagerComponent.Config() {
            @Override
            public int workers() {
                return workers;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return JobManagerComponent.Config.class;
            }
        });
    }

    @Override
    public void close() {
        notifiers.close();
        catalog.close();
    }
}
