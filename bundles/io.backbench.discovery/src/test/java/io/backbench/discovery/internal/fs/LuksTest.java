package io.backbench.discovery.internal.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.backbench.discovery.testing.Tools;

class LuksTest {
    @TempDir
    Path dir;

    private Path format(String type, String... more) throws Exception {
        Path img = Tools.sparseFile(dir, type + ".img", 32 << 20);
        var cmd = Tools.list("cryptsetup", "luksFormat", "-q", "--type", type, "--pbkdf-force-iterations", "1000");
        if (type.equals("luks2")) {
            cmd.addAll(java.util.List.of("--pbkdf", "pbkdf2"));
        }
        cmd.addAll(java.util.List.of(more));
        cmd.addAll(java.util.List.of(img.toString(), "-"));
        Tools.runWithInput("not a real secret", cmd.toArray(String[]::new));
        return img;
    }

    @Test
    void readsLuks2LabelAndUuid() throws Exception {
        FsProbe p = FsAssert.assertLikeBlkid(new Luks(), format("luks2", "--label", "vault", "--subsystem", "backup"));
        assertEquals("vault", p.label());
        assertEquals("2", p.version());
        assertEquals("backup", p.extra().get("subsystem"));
    }

    @Test
    void readsLuks1Uuid() throws Exception {
        assertEquals("1", FsAssert.assertLikeBlkid(new Luks(), format("luks1")).version());
    }

    @Test
    void findsTheSecondaryLuks2HeaderWhenThePrimaryIsWiped() throws Exception {
        Path img = format("luks2", "--label", "spare");
        FsProbe before = FsAssert.probe(new Luks(), img);
        Tools.poke(img, 0, new byte[6]);
        FsProbe after = FsAssert.assertLikeBlkid(new Luks(), img);
        assertEquals(before.uuid(), after.uuid());
        assertEquals("spare", after.label());
    }
}
