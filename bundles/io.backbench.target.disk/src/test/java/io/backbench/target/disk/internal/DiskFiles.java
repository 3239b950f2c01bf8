package io.backbench.target.disk.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Looks at a target's folder directly, to check what the target left on the disk. */
final class DiskFiles {
    private DiskFiles() {
    }

    /** Every file and folder under {@code root} whose name starts with {@code .tmp}, hidden or not. */
    static List<Path> tempFiles(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.getFileName().toString().startsWith(".tmp")).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
