package io.backbench.target.tape.internal;

import java.nio.file.Path;
import java.util.Map;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetSettings;

/**
 * Another Backbench process for {@link SharedDriveTest}: opens a tape target on the virtual library
 * {@code args[0]} with the catalog {@code args[1]}, says "holding", and keeps it open until its
 * standard input ends.
 */
public final class HoldLibrary {
    private HoldLibrary() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = Map.of("driver", "virtual", "library", args[0], "catalog", args[1],
                "volumes", "VOL001", "capacity_mib", "64", "block_size_kib", "64", "sync", "false");
        try (StorageTarget t = new TapeTargetFactory(Path.of(args[1]).resolveSibling("home-2")).open(TargetSettings.of(settings))) {
            System.out.println("holding");
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the test closes our input
            }
        }
    }
}
