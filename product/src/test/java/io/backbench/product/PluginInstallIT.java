package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backbench plugins ...} with the sample target plugin and the product's plugin repository, as an administrator runs them. */
class PluginInstallIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private static Path sample() {
        return Path.of(Backbench.requiredProperty("backbench.it.samplePlugin"));
    }

    @Test
    void aSignedPluginOfATrustedPublisherInstallsSayingWhatItContributesAndLeavesNoStagingFolder() throws Exception {
        Signing publisher = Signing.newPublisher(work, "sample-publisher");
        Path signed = publisher.signedCopy(sample(), work.resolve("signed/io.backbench.sample.target.jar"));
        publisher.trustIn(home, work);

        Backbench.Result result = Backbench.run(home, work, "plugins", "install", signed.toString());

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().startsWith("installed io.backbench.sample.target "), result.toString());
        // its TargetFactory is registered by SCR a moment after the bundle started
        assertTrue(result.out().contains("target type: sample"), "the output should say what it contributes: " + result);
        try (Stream<Path> files = Files.list(home)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.stream().anyMatch(n -> n.contains("staging")), "left in the data folder: " + names);
        }
    }

    @Test
    void anUnsignedPluginIsRefusedByDefaultSayingWhyAndHowToAllowIt() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "plugins", "install", sample().toString());

        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("it is not signed"), result.toString());
        assertTrue(result.err().contains("Allow unsigned or untrusted plugins"), result.toString());
        assertFalse(Files.exists(home.resolve("plugins/io.backbench.sample.target.jar")), "it was placed after all");
    }

    @Test
    void theProductRepositoryIsTheDefaultAndOffersTheOptionalPlugins() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "plugins", "available");

        assertEquals(0, result.code(), result.toString());
        assertTrue(result.out().startsWith("Repository: " + Backbench.productDir().resolve("repository")), result.toString());
        for (String bsn : List.of("io.backbench.sample.target", "io.backbench.sample.view", "io.backbench.report",
                "io.backbench.target.sftp")) {
            assertTrue(result.out().contains(bsn), bsn + " is not offered: " + result);
        }
        assertTrue(result.out().contains("target type"), "should say what the sample target provides: " + result);
    }

    @Test
    void aSignedPluginInstalledFromARepositoryIsStillThereAfterARestartAndCanBeRemoved() throws Exception {
        Signing publisher = Signing.newPublisher(work, "repo-publisher");
        Path repo = work.resolve("repo");
        publisher.signedCopy(sample(), repo.resolve("io.backbench.sample.target.jar"));
        publisher.trustIn(home, work);

        Backbench.Result install = Backbench.run(home, work, "plugins", "install", "--repo", repo.toUri().toString(),
                "io.backbench.sample.target");
        assertEquals(0, install.code(), install.toString());

        Backbench.Result available = Backbench.run(home, work, "plugins", "available", "--repo", repo.toString());
        assertTrue(available.out().contains("installed"), "a new process should see it installed: " + available);
        Backbench.Result types = Backbench.run(home, work, "targets", "types");
        assertTrue(types.out().contains("sample"), "its target type after a restart: " + types);

        Backbench.Result trusted = Backbench.run(home, work, "plugins", "trust", "list");
        assertTrue(trusted.out().contains("CN=repo-publisher"), trusted.toString());
        String alias = trusted.out().lines().filter(l -> l.contains("CN=repo-publisher")).findFirst().orElseThrow()
                .split("\\s+")[0];
        assertEquals(0, Backbench.run(home, work, "plugins", "trust", "remove", alias).code());
        assertFalse(Backbench.run(home, work, "plugins", "trust", "list").out().contains("CN=repo-publisher"));
    }

    @Test
    void aRepositoryThatDoesNotExistIsAClearFailure() throws Exception {
        Backbench.Result result = Backbench.run(home, work, "plugins", "available", "--repo", work.resolve("nowhere").toString());

        assertEquals(1, result.code(), result.toString());
        assertTrue(result.err().contains("there is no such folder or file"), result.toString());
    }
}
