package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Configured targets across processes, each one a new framework: a target added by one command is
 * the repository of the next ones ({@code -r target:NAME}); a secret setting never reaches the
 * data folder as plain text; the cloud feature's S3 type is in the product.
 */
class ConfiguredTargetsIT {

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void aTargetAddedByOneCommandIsTheRepositoryOfTheNext() throws Exception {
        Path repo = work.resolve("nas");
        Path password = Files.writeString(work.resolve("pw"), "correct horse\n");
        Path source = Files.createDirectories(work.resolve("src"));
        Files.writeString(source.resolve("a.txt"), "hello\n");

        Backbench.Result add = Backbench.run(home, work, "targets", "add", "nas", "disk", "path=" + repo);
        assertEquals(0, add.code(), add.toString());
        Backbench.Result init = Backbench.run(home, work, "repo", "init", "-r", "target:nas", "--password-file", password.toString());
        assertEquals(0, init.code(), init.toString());
        Backbench.Result backup = Backbench.run(home, work, "backup", "-r", "target:nas", "--password-file", password.toString(),
                source.toString());
        assertEquals(0, backup.code(), backup.toString());
        Backbench.Result snapshots = Backbench.run(home, work, "snapshots", "-r", "target:nas", "--password-file",
                password.toString(), "--json");
        assertEquals(0, snapshots.code(), snapshots.toString());
        assertTrue(snapshots.out().contains(source.toString()), snapshots.toString());
        assertTrue(Files.isRegularFile(repo.resolve("config")), "the repository is in the target's folder");

        Backbench.Result unknown = Backbench.run(home, work, "snapshots", "-r", "target:nope", "--password-file", password.toString());
        assertEquals(1, unknown.code(), unknown.toString());
        assertTrue(unknown.err().contains("no configured target named 'nope'"), unknown.toString());
    }

    @Test
    void anS3SecretKeyIsStoredEncryptedAndShownMasked() throws Exception {
        Backbench.Result types = Backbench.run(home, work, "targets", "types", "--json");
        assertTrue(types.code() == 0 && types.out().contains("\"type\": \"s3\""), "the cloud feature's s3 type: " + types);
        String secret = "wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY";
        Backbench.Result add = Backbench.run(home, work, "targets", "add", "offsite", "s3", "bucket=backups",
                "endpoint=http://127.0.0.1:9000", "access_key=AKIDEXAMPLE", "secret_key=" + secret);
        assertEquals(0, add.code(), add.toString());
        Backbench.Result show = Backbench.run(home, work, "targets", "show", "offsite");
        assertEquals(0, show.code(), show.toString());
        assertTrue(show.out().contains("secret_key  ********") && !show.out().contains(secret), show.toString());
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(secret),
                        "the secret is in plain text in " + f);
            }
        }
    }
}
