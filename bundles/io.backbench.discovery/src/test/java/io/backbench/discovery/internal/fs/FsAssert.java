package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import io.backbench.discovery.internal.source.FileBlockSource;
import io.backbench.discovery.testing.Tools;

/** Compares what our parsers read with what {@code blkid -p} reads from the same file. */
final class FsAssert {
    private FsAssert() {
    }

    static FsProbe probe(FsParser parser, Path file) throws IOException {
        try (FileBlockSource s = FileBlockSource.openFile(file)) {
            return parser.probe(s);
        }
    }

    /** Probes with {@code parser} and with the whole chain, and checks both against blkid. */
    static FsProbe assertLikeBlkid(FsParser parser, Path file) throws IOException {
        Map<String, String> oracle = Tools.blkid(file);
        assertFalse(oracle.isEmpty(), "blkid found nothing in " + file);
        FsProbe p = probe(parser, file);
        assertNotNull(p, parser.getClass().getSimpleName() + " did not recognise " + oracle);
        assertEquals(oracle.get("TYPE"), p.type(), "TYPE");
        assertEquals(oracle.getOrDefault("LABEL", ""), p.label(), "LABEL");
        assertEquals(oracle.getOrDefault("UUID", ""), p.uuid(), "UUID");
        if (oracle.containsKey("VERSION")) {
            assertEquals(oracle.get("VERSION"), p.version(), "VERSION");
        }
        try (FileBlockSource s = FileBlockSource.openFile(file)) {
            assertEquals(p, FileSystems.probe(s), "the probe chain finds the same as the parser alone");
        }
        return p;
    }
}
