package io.backbench.backup.internal.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.backbench.cli.api.Command;
import io.backbench.cli.testing.CommandHarness;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.internal.ConfiguredTargetsComponent;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.disk.internal.DiskTargetFactory;

/**
 * Test helper: runs the restic-style commands as the dispatcher does (exit code, stdout, stderr), on
 * the real disk target, with an environment given as data.
 */
final class Cli {
    /** The one target type the product always has, behind the core's real location resolver. */
    static final ConfiguredTargets DISK_ONLY = only(new DiskTargetFactory());

    /**
     * The installed target types being just {@code f}, with no configured targets (the folder named
     * for them is never written: these tests only open locations).
     */
    static ConfiguredTargets only(TargetFactory f) {
        return new ConfiguredTargetsComponent(Path.of(System.getProperty("java.io.tmpdir"), "backbench-cli-test-no-config"),
                type -> type.equals(f.type()) ? Optional.of(f) : Optional.empty());
    }

    record Run(int exit, String out, String err) {
        String all() {
            return "exit " + exit + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    final Map<String, String> env = new HashMap<>();
    ConfiguredTargets types = DISK_ONLY;
    /** The backups' folder cache, as the data folder's would be: beside the repository. */
    final Path cache;

    /** A repository folder and password in the environment, as a user would set them. */
    Cli(Path repo, String password) {
        cache = repo.toAbsolutePath().getParent().resolve(repo.getFileName() + "-cache");
        env.put("BACKBENCH_REPOSITORY", repo.toString());
        env.put("BACKBENCH_PASSWORD", password);
    }

    Run run(String command, String... args) {
        return run(command, false, args);
    }

    Run json(String command, String... args) {
        return run(command, true, args);
    }

    Run run(String command, boolean json, String... args) {
        Map<String, BiFunction<ConfiguredTargets, Function<String, String>, Command>> commands = Map.of(
                "repo", RepoCommand::new, "backup", (t, e) -> new BackupCommand(t, e, cache), "snapshots", SnapshotsCommand::new,
                "ls", LsCommand::new, "restore", RestoreCommand::new, "forget", ForgetCommand::new,
                "diff", DiffCommand::new, "find", FindCommand::new);
        return run(commands.get(command).apply(types, env::get), json, args);
    }

    static Run run(Command c, boolean json, String... args) {
        CommandHarness.Run r = CommandHarness.run(c, json, List.of(args));
        return new Run(r.exit(), r.out(), r.err());
    }
}
