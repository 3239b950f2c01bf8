package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

class CommandLineCallTest {

    @TempDir
    Path storage;

    @Test
    void reportsMinusOneWhenNoCommandLineServiceAppears() throws Exception {
        Framework framework = new Felix(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString()));
        framework.start();
        try {
            int code = new CommandLineCall(framework.getBundleContext())
                    .run(new String[] {"version"}, new PrintStream(PrintStream.nullOutputStream()),
                            new PrintStream(PrintStream.nullOutputStream()), Duration.ofMillis(200));

            assertEquals(-1, code);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
