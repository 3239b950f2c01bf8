package io.backbench.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's own options, which come before any command: {@code --home DIR} (or
 * {@code --home=DIR}) and {@code --headless}. Everything from the first other argument on belongs to
 * the command line service; with no command the workbench opens.
 */
record LaunchOptions(Optional<Path> home, Mode mode, List<String> commandArgs) {

    enum Mode {
        WORKBENCH, HEADLESS, CLI;

        /** The value of the {@code backbench.mode} framework property. */
        String property() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static LaunchOptions parse(String... args) throws UsageException {
        Optional<Path> home = Optional.empty();
        boolean headless = false;
        int i = 0;
        while (i < args.length) {
            String arg = args[i];
            if (arg.equals("--headless")) {
                headless = true;
                i++;
            } else if (arg.equals("--home")) {
                if (i + 1 >= args.length || args[i + 1].isBlank()) {
                    throw new UsageException("--home needs a folder, e.g. --home /srv/backbench");
                }
                home = Optional.of(Path.of(args[i + 1]));
                i += 2;
            } else if (arg.startsWith("--home=")) {
                String value = arg.substring("--home=".length());
                if (value.isBlank()) {
                    throw new UsageException("--home needs a folder, e.g. --home=/srv/backbench");
                }
                home = Optional.of(Path.of(value));
                i++;
            } else {
                break;
            }
        }
        List<String> rest = List.copyOf(Arrays.asList(args).subList(i, args.length));
        if (headless && !rest.isEmpty()) {
            throw new UsageException("--headless runs the server and takes no command (got: "
                    + String.join(" ", rest) + "); run commands in a separate 'backbench <command>'");
        }
        Mode mode = headless ? Mode.HEADLESS : rest.isEmpty() ? Mode.WORKBENCH : Mode.CLI;
        return new LaunchOptions(home, mode, rest);
    }

    /** A launcher option was wrong; the message says how to fix it. Exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
