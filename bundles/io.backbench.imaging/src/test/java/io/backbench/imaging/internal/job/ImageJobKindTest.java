package io.backbench.imaging.internal.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogException;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.jobs.api.ProgressMonitor;
import io.backbench.jobs.scheduler.api.JobContext;
import io.backbench.repository.api.Repository;

/** The image job kind on a real ext4 image and a real repository, outside a framework. */
class ImageJobKindTest {
    @TempDir
    Path dir;

    /** The run's log as the runner would record it. */
    private static final class Log implements ProgressMonitor {
        final List<String> warnings = new CopyOnWriteArrayList<>();

        @Override
        public void begin(String task, long totalWork) {
        }

        @Override
        public void worked(long work) {
        }

        @Override
        public void subTask(String detail) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void info(String message) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void aSnapshotCacheThatCannotBeRefreshedAfterTheSnapshotIsSavedIsAWarningNotAFailure() throws Exception {
        Path image = FsImages.ext4(dir, "disk.img");
        Log log = new Log();
        // the catalog's database failing on this one call: a fault the real catalog cannot be made to have here
        Catalog catalog = (Catalog) Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> {
                    throw new CatalogException("the catalog database is read-only (disk full)", null);
                });
        try (Repository repo = Repos.init(dir.resolve("repo"))) {
            JobContext context = new JobContext() {
                @Override
                public long runId() {
                    return 1;
                }

                @Override
                public ProgressMonitor monitor() {
                    return log;
                }

                @Override
                public Repository repository() {
                    return repo;
                }

                @Override
                public Catalog catalog() {
                    return catalog;
                }

                @Override
                public Clock clock() {
                    return Clock.systemUTC();
                }
            };
            RunMetrics m = new ImageJobKind().run(JobDefinition.of("Disk", "image", dir.resolve("repo").toString(),
                    List.of(image.toString())), context);
            assertEquals(1, repo.snapshots().size(), "the snapshot is saved");
            assertEquals(repo.snapshots().get(0).id().hex(), m.snapshotId());
            assertEquals(1, log.warnings.size(), log.warnings.toString());
            assertTrue(log.warnings.get(0).startsWith("snapshot " + repo.snapshots().get(0).id().shortHex() + " is saved, but the"
                    + " catalog's list of the repository's snapshots could not be refreshed: the catalog database is read-only"),
                    log.warnings.get(0));
        }
    }
}
