package io.backbench.backup.oracle;

import java.nio.file.Path;

import io.backbench.backup.api.BackupListener;
import io.backbench.backup.api.BackupOptions;
import io.backbench.backup.api.BackupResult;
import io.backbench.backup.api.FileBackup;
import io.backbench.backup.testing.Repos;
import io.backbench.repository.api.Repository;

/** A backup in a JVM started without --add-opens (see NonUtf8NamesTest): prints its warnings. */
public final class NoRawNamesChild {
    private NoRawNamesChild() {
    }

    public static void main(String[] args) throws Exception {
        try (Repository repo = Repos.init(Path.of(args[0]))) {
            BackupResult r = FileBackup.backup(repo, BackupOptions.of(Path.of(args[1])), BackupListener.NONE, () -> false);
            System.out.println("COMPLETE " + r.complete());
            r.warnings().forEach(System.out::println);
        }
    }
}
