package io.backbench.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the assembled {@code bin/backbench} as a separate process, as a user or a script would. */
final class Backbench {

    /** Only a guard against a hung process; no test asserts how long anything takes. */
    static final long HANG_GUARD_SECONDS = 120;

    record Result(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Backbench() {
    }

    static Path productDir() {
        return Path.of(requiredProperty("backbench.product.dir"));
    }

    static Path script() {
        Path script = productDir().resolve("bin").resolve("backbench");
        if (!Files.isExecutable(script)) {
            throw new AssertionError("the product is not assembled: " + script + " is missing or not executable");
        }
        return script;
    }

    static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new AssertionError("system property " + name + " is not set (see product/pom.xml, failsafe)");
        }
        return value;
    }

    static ProcessBuilder command(Path home, String... args) {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.add("--home");
        command.add(home.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("BACKBENCH_HOME");
        return builder;
    }

    /** Runs to completion; stdout and stderr go through files so neither pipe can fill and block. */
    static Result run(Path home, Path work, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out-", ".txt");
        Path err = Files.createTempFile(work, "err-", ".txt");
        Process process = command(home, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(HANG_GUARD_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("backbench " + String.join(" ", args) + " did not finish; stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
