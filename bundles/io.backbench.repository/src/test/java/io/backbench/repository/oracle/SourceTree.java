package io.backbench.repository.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Generates a small source tree for oracle tests and reads trees back for comparison. */
public final class SourceTree {
    private SourceTree() {
    }

    /**
     * Files: empty, 1 byte, text, 1 MiB compressible, {@code randomMiB} MiB random (several chunks),
     * nested folders with a name holding spaces and non-ASCII letters, and an empty folder.
     */
    public static void generate(Path dir, long seed, int randomMiB) throws IOException {
        Random rnd = new Random(seed);
        Files.createDirectories(dir.resolve("sub/deeper/deepest"));
        Files.createDirectories(dir.resolve("empty dir"));
        Files.createDirectories(dir.resolve("ünï cødé"));
        Files.write(dir.resolve("empty"), new byte[0]);
        Files.write(dir.resolve("one-byte"), new byte[] {42});
        Files.writeString(dir.resolve("sub/hello.txt"), "hello, restic\n", StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder();
        while (text.length() < 1 << 20) {
            text.append("line ").append(text.length() % 977).append(" of a compressible file\n");
        }
        Files.writeString(dir.resolve("sub/deeper/compressible.txt"), text, StandardCharsets.UTF_8);
        byte[] big = new byte[randomMiB << 20];
        rnd.nextBytes(big);
        Files.write(dir.resolve("sub/deeper/deepest/random.bin"), big);
        byte[] small = new byte[70_000];
        rnd.nextBytes(small);
        Files.write(dir.resolve("ünï cødé/small file.bin"), small);
    }

    /** Relative path → content for every regular file; relative path → null for every directory. */
    public static Map<String, byte[]> read(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(dir)) {
                    continue;
                }
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? null : Files.readAllBytes(p));
            }
        }
        return out;
    }
}
