package io.backbench.backup.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.luben.zstd.Zstd;

import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.BlobType;
import io.backbench.repository.api.Compression;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.PackedBlob;
import io.backbench.repository.api.Repository;

/** A file backup stores its chunks at its own zstd level ({@link BlobPipeline#ZSTD_LEVEL}), not the repository's default. */
class CompressionLevelTest {
    /** A blob's IV and MAC. */
    private static final int SEAL = 32;

    @TempDir
    Path tmp;

    @Test
    void fileDataIsStoredAtTheBackupsLevel() throws Exception {
        Random rnd = new Random(7);
        String[] words = new String[600];
        for (int i = 0; i < words.length; i++) {
            words[i] = Long.toString(rnd.nextLong() & 0xffffffffffL, 36);
        }
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 300_000) { // one chunk: below the chunker's minimum size
            sb.append(words[rnd.nextInt(words.length)]).append(rnd.nextInt(7) == 0 ? '\n' : ' ');
        }
        byte[] text = sb.toString().getBytes(StandardCharsets.US_ASCII);
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.write(src.resolve("words.txt"), text);
        int atOurs = Zstd.compress(text, BlobPipeline.ZSTD_LEVEL).length + SEAL;
        assertNotEquals(Zstd.compress(text, Compression.AUTO_LEVEL).length + SEAL, atOurs, "the sample must tell the levels apart");

        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            new BackupEngine(repo, BackupOptions.of(src), null, null, FileOpener.DEFAULT).run();
            PackedBlob b = repo.index().lookup(BlobType.DATA, Id.hash(text)).orElseThrow();
            assertEquals(atOurs, b.length());
        }
    }
}
