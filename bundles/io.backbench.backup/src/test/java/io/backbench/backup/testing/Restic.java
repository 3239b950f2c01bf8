package io.backbench.backup.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code restic} binary, the oracle. A missing binary fails the test, never skips it. */
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
        List<String> cmd = new ArrayList<>(List.of("restic", "--no-cache", "-r", repo.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("RESTIC_PASSWORD", password);
        pb.environment().remove("RESTIC_REPOSITORY");
        try {
            Path out = Files.createTempFile("restic-out", ".txt");
            Path err = Files.createTempFile("restic-err", ".txt");
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("restic " + String.join(" ", args) + " did not finish in 5 minutes");
            }
            Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            Files.delete(out);
            Files.delete(err);
            return r;
        } catch (IOException e) {
            throw new AssertionError("cannot run restic (install it: apt-get install restic): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
