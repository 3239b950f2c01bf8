package io.backbench.imaging.internal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.cli.testing.CommandHarness;
import io.backbench.cli.testing.CommandHarness.Run;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.internal.ConfiguredTargetsComponent;
import io.backbench.imaging.internal.json.Json;
import io.backbench.imaging.testing.FsImages;
import io.backbench.imaging.testing.Repos;
import io.backbench.imaging.testing.Tools;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.disk.internal.DiskTargetFactory;

/** The 'image' command as the dispatcher runs it, on the real disk target and real images. */
class ImageCommandTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>(Map.of("BACKBENCH_PASSWORD", Repos.PASSWORD));

    /** The disk target type behind the core's real location resolver; no configured targets. */
    static final ConfiguredTargets DISK_ONLY = new ConfiguredTargetsComponent(
            Path.of(System.getProperty("java.io.tmpdir"), "backbench-image-test-no-config"),
            type -> type.equals("disk") ? Optional.<TargetFactory>of(new DiskTargetFactory()) : Optional.empty());

    Run run(boolean json, String... args) {
        return CommandHarness.run(new ImageCommand(DISK_ONLY, env::get), json, List.of(args));
    }

    @Test
    void createListVerifyExportRestoreAndInfoWorkTogether() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repos.init(repoDir).close();
        env.put("BACKBENCH_REPOSITORY", repoDir.toString());
        Path img = FsImages.ext4(tmp, "fs.img");

        Run created = run(true, "create", img.toString(), "--tag", "weekly");
        assertEquals(0, created.exit(), created.err());
        Map<?, ?> c = (Map<?, ?>) Json.parse(created.out());
        String id = (String) c.get("snapshot");
        assertEquals(Boolean.TRUE, c.get("complete"));
        assertTrue((Long) c.get("bytesRead") < 12L << 20, "only used blocks of the 32 MiB filesystem: " + created.out());

        Run list = run(true, "list");
        assertEquals(0, list.exit(), list.err());
        List<?> images = (List<?>) Json.parse(list.out());
        assertEquals(1, images.size());
        Map<?, ?> first = (Map<?, ?>) images.get(0);
        assertEquals(id, first.get("id"));
        assertEquals(img.toString(), first.get("source"));
        assertEquals(List.of("ext4"), first.get("filesystems"));
        assertEquals(List.of("backbench-image", "weekly"), first.get("tags"));
        Run text = run(false, "list");
        assertTrue(text.out().contains(id.substring(0, 8)) && text.out().contains("1 images"), text.out());

        Run verify = run(false, "verify", id.substring(0, 8));
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("no problems were found"), verify.out());

        Path exported = tmp.resolve("export.img");
        assertEquals(0, run(false, "export", "latest", exported.toString()).exit());
        Tools.run("e2fsck", "-fn", exported.toString());

        Path restored = tmp.resolve("restored.img");
        Run restore = run(false, "restore", "latest", restored.toString(), "--verify");
        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("ok   partition 0 (ext4): e2fsck -fn"), restore.out());

        Run info = run(false, "info", "latest");
        assertEquals("backbench-image", ((Map<?, ?>) Json.parse(info.out())).get("format"));

        Run check = run(true, "verify", "latest", "--target", restored.toString(), "--fsck");
        assertEquals(0, check.exit(), check.out() + check.err());
        assertEquals(Boolean.TRUE, ((Map<?, ?>) Json.parse(check.out())).get("ok"));
    }

    @Test
    void mistakesGetClearMessagesAndExitCodes() throws Exception {
        Path repoDir = tmp.resolve("repo");
        Repos.init(repoDir).close();
        env.put("BACKBENCH_REPOSITORY", repoDir.toString());
        Path img = FsImages.ext4(tmp, "fs.img");
        assertEquals(0, run(false, "create", img.toString()).exit());

        Path small = Tools.sparseFile(tmp.resolve("small.img"), 16L << 20);
        Run smaller = run(false, "restore", "latest", small.toString());
        assertEquals(1, smaller.exit());
        assertTrue(smaller.err().contains("smaller than the image"), smaller.err());

        Run exists = run(false, "export", "latest", small.toString());
        assertEquals(1, exists.exit());
        assertTrue(exists.err().contains("already exists"), exists.err());

        assertEquals(2, run(false, "frobnicate").exit());
        assertEquals(2, run(false).exit());
        assertEquals(2, run(false, "create", img.toString(), "--mounted", "sometimes").exit());
        Run missing = run(false, "create", tmp.resolve("nope.img").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        Run notImage = run(false, "verify", "0000");
        assertEquals(1, notImage.exit());
        assertTrue(Files.exists(img));
    }
}
