package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.api.TargetSettings;

/**
 * The server's disk is really full: its served folder is a 2 MiB tmpfs (needs root, as on the
 * developers' machines and in CI; without it the test fails, never skips).
 */
class SftpDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aPutThatDoesNotFitIsTargetFullAndLeavesNothingBehind() throws Exception {
        Path served = dir.resolve("served");
        mount(served);
        try (SftpServer server = new SftpServer(served, dir.resolve("host-key"));
             StorageTarget target = new SftpTargetFactory().open(TargetSettings.of(server.passwordSettings("/repo")))) {
            byte[] small = new byte[100_000];
            target.put("config", small);
            byte[] big = new byte[3 * 1024 * 1024];
            TargetFullException e = assertThrows(TargetFullException.class, () -> target.put("data/ab/big", big));
            assertFalse(e.isRetryable());
            assertTrue(e.getMessage().contains("is full") && e.getMessage().contains("Free space"), e.getMessage());
            assertEquals(Optional.empty(), target.stat("data/ab/big"));
            try (Stream<Path> files = Files.walk(served.resolve("repo"))) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith(".tmp")).toList(),
                        "the temporary file must be removed");
            }
            try (InputStream in = target.get("config")) {
                assertArrayEquals(small, in.readAllBytes(), "what was there stays intact");
            }
            target.put("after", new byte[1000]); // the session is still good
        } finally {
            run("umount", "-l", served.toString());
        }
    }

    private static void mount(Path at) throws IOException, InterruptedException {
        Files.createDirectories(at);
        String out = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", at.toString());
        if (out != null) {
            fail("cannot mount a 2 MiB tmpfs at " + at + " (" + out.strip() + "): this test needs a real full file"
                    + " system; run it as root (CI does). It fails rather than skips.");
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "did not finish";
        }
        return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + out;
    }
}
