package io.backbench.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void noArgumentsOpensTheWorkbench() throws Exception {
        LaunchOptions options = LaunchOptions.parse();

        assertEquals(LaunchOptions.Mode.WORKBENCH, options.mode());
        assertEquals(Optional.empty(), options.home());
    }

    @Test
    void headlessWithHomeRunsTheServer() throws Exception {
        LaunchOptions options = LaunchOptions.parse("--home", "/srv/bb", "--headless");

        assertEquals(LaunchOptions.Mode.HEADLESS, options.mode());
        assertEquals(Optional.of(Path.of("/srv/bb")), options.home());
        assertEquals("headless", options.mode().property());
    }

    @Test
    void argumentsFromTheFirstNonLauncherOptionOnAreTheCommand() throws Exception {
        LaunchOptions options = LaunchOptions.parse("--home=/tmp/x", "targets", "types", "--home", "y");

        assertEquals(LaunchOptions.Mode.CLI, options.mode());
        assertEquals(Optional.of(Path.of("/tmp/x")), options.home());
        assertEquals(List.of("targets", "types", "--home", "y"), options.commandArgs());
    }

    @Test
    void helpBelongsToTheCommandLine() throws Exception {
        LaunchOptions options = LaunchOptions.parse("--help");

        assertEquals(LaunchOptions.Mode.CLI, options.mode());
        assertEquals(List.of("--help"), options.commandArgs());
    }

    @Test
    void homeWithoutAFolderIsAUsageError() {
        LaunchOptions.UsageException e = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse("--home"));
        assertTrue(e.getMessage().contains("--home needs a folder"), e.getMessage());
    }

    @Test
    void headlessWithACommandIsAUsageError() {
        LaunchOptions.UsageException e = assertThrows(LaunchOptions.UsageException.class,
                () -> LaunchOptions.parse("--headless", "version"));
        assertTrue(e.getMessage().contains("version"), e.getMessage());
    }
}
