package io.backbench.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * releng/backbench, run from a copy of the tree whose product is missing: it must build first, with
 * Maven output that is plain text on stderr. A recording stand-in for mvn (a full build takes minutes).
 */
class RelengBackbenchTest {
    @TempDir
    Path tree;

    @Test
    void buildsAMissingProductWithoutColoursOrDownloadProgressThenRunsIt() throws Exception {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../releng/backbench").normalize();
        Path copy = Files.createDirectories(tree.resolve("releng")).resolve("backbench");
        Files.copy(script, copy);
        executable(copy, "");
        Path bin = Files.createDirectories(tree.resolve("fake-bin"));
        Path args = tree.resolve("mvn-args.txt");
        executable(bin.resolve("mvn"), "printf '%s\\n' \"$@\" > '" + args + "'\n"
                + "mkdir -p product/target/backbench/bin\n"
                + "printf '#!/bin/sh\\necho ran \"$@\"\\n' > product/target/backbench/bin/backbench\n"
                + "chmod +x product/target/backbench/bin/backbench\n");

        ProcessBuilder pb = new ProcessBuilder(copy.toString(), "version").directory(tree.toFile())
                .redirectOutput(tree.resolve("out.txt").toFile()).redirectError(tree.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));

        assertEquals(0, p.exitValue(), Files.readString(tree.resolve("err.txt")));
        List<String> mvn = Files.readAllLines(args);
        assertTrue(mvn.contains("-Dstyle.color=never"), "mvn " + mvn);
        assertTrue(mvn.contains("-ntp") || mvn.contains("--no-transfer-progress"), "mvn " + mvn);
        assertTrue(mvn.contains("install") && mvn.contains("-B"), "mvn " + mvn);
        assertEquals("ran version\n", Files.readString(tree.resolve("out.txt")));
    }

    private static void executable(Path file, String body) throws Exception {
        if (!body.isEmpty()) {
            Files.writeString(file, "#!/bin/sh\n" + body);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
