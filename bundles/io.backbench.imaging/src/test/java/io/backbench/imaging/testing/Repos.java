package io.backbench.imaging.testing;

import java.nio.file.Path;
import java.util.Map;

import io.backbench.repository.api.Repositories;
import io.backbench.repository.api.Repository;
import io.backbench.repository.api.RepositoryOptions;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

/** Repositories on the real disk target, in a folder restic reads too. Fast scrypt parameters. */
public final class Repos {
    public static final String PASSWORD = "correct horse battery staple";
    public static final RepositoryOptions FAST = RepositoryOptions.defaults().withKdf(new RepositoryOptions.KdfParams(1024, 8, 1));

    private Repos() {
    }

    public static StorageTarget target(Path dir) throws Exception {
        return new DiskTargetFactory().open(TargetSettings.of(Map.of("path", dir.toString(), "fsync", "false")));
    }

    public static Repository init(Path dir) throws Exception {
        return Repositories.init(target(dir), PASSWORD.toCharArray(), FAST);
    }

    public static Repository open(Path dir) throws Exception {
        return Repositories.open(target(dir), PASSWORD.toCharArray(), FAST);
    }

    /** Runs the real restic on the repository; a missing binary fails the test. */
    public static Tools.Result restic(Path dir, String... args) throws Exception {
        String[] cmd = new String[args.length + 4];
        cmd[0] = "restic";
        cmd[1] = "--no-cache";
        cmd[2] = "-r";
        cmd[3] = dir.toString();
        System.arraycopy(args, 0, cmd, 4, args.length);
        return Tools.exec(Map.of("RESTIC_PASSWORD", PASSWORD), cmd);
    }
}
