package io.backbench.repository.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code restic} binary (the oracle). A missing binary fails the test: it is a
 * required peer, never a reason to skip.
 */
public final class Restic {
    public record Result(int exitCode, String out, String err) {
        public Result ok() {
            if (exitCode != 0) {
                throw new AssertionError("restic exited " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err);
            }
            return this;
        }
    }

    private final Path repo;
    private final String password;

    public Restic(Path repo, String password) {
        this.repo = repo;
        this.password = password;
    }

    public Result run(String... args) {
        return runIn(null, args);
    }

    public Result runIn(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("restic", "--no-cache", "-r", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RESTIC_PASSWORD", password);
        pb.environment().remove("RESTIC_REPOSITORY");
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        try {
            Path outFile = java.nio.file.Files.createTempFile("restic-out", ".txt");
            Path errFile = java.nio.file.Files.createTempFile("restic-err", ".txt");
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            String out = java.nio.file.Files.readString(outFile, StandardCharsets.UTF_8);
            String err = java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8);
            java.nio.file.Files.deleteIfExists(outFile);
            java.nio.file.Files.deleteIfExists(errFile);
            return new Result(p.exitValue(), out, err);
        } catch (IOException e) {
            throw new AssertionError("cannot run restic (install it: apt-get install restic): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
