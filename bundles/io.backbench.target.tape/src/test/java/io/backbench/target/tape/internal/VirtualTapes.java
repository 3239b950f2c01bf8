package io.backbench.target.tape.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;

/** Opens tape targets on a virtual library below a test folder, and runs GNU tar over its tape files. */
final class VirtualTapes {
    /** {@code n} bytes that differ by {@code seed} and do not compress. */
    static byte[] bytes(int seed, int n) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** The whole object {@code key} of {@code t}. */
    static byte[] get(StorageTarget t, String key) throws Exception {
        try (InputStream in = t.get(key)) {
            return in.readAllBytes();
        }
    }

    final Path library;
    final Path catalog;
    final Map<String, String> settings = new HashMap<>();

    VirtualTapes(Path dir, String volumes, int capacityMib, int blockKib) {
        library = dir.resolve("library");
        catalog = dir.resolve("catalog");
        settings.put("driver", "virtual");
        settings.put("library", library.toString());
        settings.put("catalog", catalog.toString());
        settings.put("volumes", volumes);
        settings.put("capacity_mib", Integer.toString(capacityMib));
        settings.put("block_size_kib", Integer.toString(blockKib));
        settings.put("sync", "false");
    }

    StorageTarget open() throws Exception {
        return new TapeTargetFactory(catalog.getParent().resolve("home")).open(TargetSettings.of(settings));
    }

    /** Every tape file of every cartridge, in cartridge and file order. */
    List<Path> tapeFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(library)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(library)) {
            s.filter(p -> p.getFileName().toString().matches("file-\\d{5}\\.tar")).sorted().forEach(out::add);
        }
        return out;
    }

    /** Runs a program and returns its output; fails if it is missing or exits with an error. */
    static String run(List<String> cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd.get(0) + " (install it: GNU tar is needed by this test)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed:\n" + out);
        }
        return out;
    }
}
