package io.backbench.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.core.api.DataFolders;

/**
 * The commands that open a repository give it the data folder's repository cache: a backup leaves
 * there a copy of each index file it wrote (under the repository's id), and the next command that
 * opens the repository keeps exactly the copies of the files the repository lists.
 */
class RepositoryCacheIT {
    @TempDir
    Path temp;

    @Test
    void aBackupCopiesItsIndexFilesIntoTheDataFoldersCacheAndARestoreUsesThem() throws Exception {
        Path repo = temp.resolve("repo");
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve("a.txt"), "alpha\n");
        Files.write(source.resolve("b.bin"), new byte[100_000]);
        Path password = Files.writeString(temp.resolve("password"), "it-secret\n");
        String pw = password.toString();

        assertOk(CommandLineClient.run("repo", "init", "-r", repo.toString(), "--password-file", pw));
        assertOk(CommandLineClient.run("backup", "-r", repo.toString(), "--password-file", pw, source.toString()));

        Set<String> indexFiles = names(repo.resolve("index"));
        assertEquals(1, indexFiles.size(), indexFiles.toString());
        Path caches = Framework.service(DataFolders.class).repositoryCache().resolve("index");
        List<Path> forThisRepository;
        try (Stream<Path> s = Files.list(caches)) {
            forThisRepository = s.filter(d -> names(d).equals(indexFiles)).toList();
        }
        assertEquals(1, forThisRepository.size(), "one folder of copies (named by the repository's id) in " + caches);
        Path copies = forThisRepository.get(0);

        // a second backup adds an index file; a copy of it comes too
        Files.writeString(source.resolve("c.txt"), "gamma\n");
        assertOk(CommandLineClient.run("backup", "-r", repo.toString(), "--password-file", pw, source.toString()));
        assertEquals(2, names(repo.resolve("index")).size());
        assertEquals(names(repo.resolve("index")), names(copies));

        Path restored = temp.resolve("restored");
        assertOk(CommandLineClient.run("restore", "latest", "-r", repo.toString(), "--password-file", pw, "--target",
                restored.toString()));
        assertEquals("gamma\n", Files.readString(restored.resolve(source.toString().substring(1)).resolve("c.txt")));
        assertTrue(names(copies).equals(names(repo.resolve("index"))), "the copies are as the repository's index files");
    }

    private static void assertOk(CommandLineClient.Result r) {
        assertEquals(0, r.code(), r.toString());
    }

    private static Set<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
