package io.backbench.backup.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.Id;
import io.backbench.repository.api.Node;
import io.backbench.repository.api.NodeType;
import io.backbench.repository.api.Repository;

class FilterTest {
    @TempDir
    Path tmp;

    @Test
    void globsMatchNamesAtAnyDepthOrAnchoredAtTheRoot() {
        assertTrue(Glob.compile("*.tmp").matches(Glob.components("/a/b/x.tmp")));
        assertFalse(Glob.compile("*.tmp").matches(Glob.components("/a/b/x.tmpl")));
        assertTrue(Glob.compile("b/*.c").matches(Glob.components("/a/b/x.c")));
        assertFalse(Glob.compile("/b/*.c").matches(Glob.components("/a/b/x.c")));
        assertTrue(Glob.compile("/a/**/x.c").matches(Glob.components("/a/b/c/d/x.c")));
        assertTrue(Glob.compile("/a/**/x.c").matches(Glob.components("/a/x.c")));
        assertTrue(Glob.compile("file[0-9]").matches(Glob.components("/file7")));
        assertFalse(Glob.compile("file[!0-9]").matches(Glob.components("/file7")));
        assertTrue(Glob.compile("a\\*b").matches(Glob.components("/a*b")));
        assertFalse(Glob.compile("a\\*b").matches(Glob.components("/axb")));
    }

    @Test
    void excludesExcludeFilesCachesAndSizeLimitsLeaveOutWhatTheySay() throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(src.resolve("keep.txt"), "keep");
        Files.writeString(src.resolve("drop.tmp"), "drop");
        Files.createDirectories(src.resolve("build/deep"));
        Files.writeString(src.resolve("build/deep/out.o"), "obj");
        Files.createDirectories(src.resolve("cache"));
        Files.writeString(src.resolve("cache/CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# a cache\n");
        Files.writeString(src.resolve("cache/blob"), "cached");
        Files.createDirectories(src.resolve("fake-cache"));
        Files.writeString(src.resolve("fake-cache/CACHEDIR.TAG"), "no signature here");
        Files.write(src.resolve("big.bin"), new byte[100_000]);
        Files.write(src.resolve("tiny"), new byte[1]);
        Path excludeFile = tmp.resolve("excludes");
        Files.writeString(excludeFile, "# build output\n\nbuild\n");
        BackupOptions o = BackupOptions.of(src).withExcludes(List.of("*.tmp")).withExcludeFiles(List.of(excludeFile))
                .withExcludeCaches(true).withSizeLimits(2, 50_000);
        try (Repository repo = Repos.init(tmp.resolve("repo"))) {
            Id snap = FileBackup.backup(repo, o, BackupListener.NONE, () -> false).snapshot();
            Set<String> paths = new TreeSet<>();
            list(repo, repo.loadSnapshot(snap).tree(), "", paths);
            String s = src.toString();
            Set<String> expected = new TreeSet<>(List.of(s + "/keep.txt", s + "/fake-cache", s + "/fake-cache/CACHEDIR.TAG"));
            for (Path p = src; p.getParent() != null; p = p.getParent()) {
                expected.add(p.toString()); // the folders on the way, as restic stores them
            }
            assertEquals(expected, paths);
            assertTrue(repo.loadSnapshot(snap).excludes().containsAll(List.of("*.tmp", "build")));
        }
    }

    private static void list(Repository repo, Id tree, String prefix, Set<String> out) throws Exception {
        for (Node n : repo.loadTree(tree).nodes()) {
            String p = prefix + "/" + n.name();
            out.add(p);
            if (n.type() == NodeType.DIR) {
                list(repo, n.subtree(), p, out);
            }
        }
    }
}
