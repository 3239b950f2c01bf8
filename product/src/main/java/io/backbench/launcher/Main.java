package io.backbench.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * Starts Backbench: a Felix framework with the product's features, in one of three modes.
 * <ul>
 * <li>no arguments: the workbench; runs until the UI stops the system bundle, exit 0;</li>
 * <li>{@code --headless}: the server; runs until SIGTERM/SIGINT, exit 0;</li>
 * <li>anything else: one command of the command line service, whose result is the exit code.</li>
 * </ul>
 * Every process gets fresh framework storage (several may run at once), deleted at exit; storage
 * left by killed processes is swept at start.
 */
public final class Main {

    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(15);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** A JVM system property that io.backbench.ui.workbench sets to "1" when its window failed. */
    static final String WORKBENCH_EXIT_STATUS = "backbench.exit.status";

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (LaunchOptions.UsageException e) {
            System.err.println("backbench: " + e.getMessage());
            return 2;
        }
        CryptoWarmup.start();
        // In CLI mode stdout belongs to the command alone: anything else that prints (framework,
        // bundles) goes to stderr, so that scripts can parse the output.
        PrintStream commandOut = System.out;
        if (options.mode() == LaunchOptions.Mode.CLI) {
            System.setOut(System.err);
        }
        try {
            return launch(options, commandOut);
        } catch (IOException | BundleException e) {
            System.err.println("backbench: cannot start: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            commandOut.flush();
        }
    }

    private static int launch(LaunchOptions options, PrintStream commandOut)
            throws IOException, BundleException, InterruptedException {
        HomeFolder home = HomeFolder.resolve(options.home(), System.getenv(), System.getProperty("user.home")).create();
        Path productDir = productDir();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        // storage left by processes killed with SIGKILL (they could not delete their own)
        FrameworkStorage.sweep(tmp, FrameworkStorage::alive, System.err);
        Path storage = FrameworkStorage.create(tmp);
        Map<String, Object> config = FrameworkConfig.build(home, options.mode(), productDir,
                FrameworkStorage.frameworkDir(storage), version());
        Framework framework = new Felix(config);
        Shutdown shutdown = new Shutdown(framework, storage, STOP_TIMEOUT);
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::stopAndClean, "backbench-shutdown"));
        try {
            framework.init();
            boolean withUi = options.mode() == LaunchOptions.Mode.WORKBENCH;
            FeatureInstaller installer = new FeatureInstaller(framework.getBundleContext(), System.err);
            List<Bundle> bundles = installer.install(FeatureInstaller.featureFolders(productDir, withUi));
            framework.start();
            installer.start(bundles);
            LogEcho.start(framework.getBundleContext(), System.err);
            switch (options.mode()) {
                case CLI:
                    return runCommand(framework, options.commandArgs(), commandOut);
                case HEADLESS:
                    Signals.stopFrameworkOn(shutdown);
                    System.out.println("backbench: running headless (pid " + ProcessHandle.current().pid()
                            + "); plugins folder " + home.plugins() + "; stop with SIGTERM or Ctrl-C");
                    System.out.flush();
                    framework.waitForStop(0);
                    return 0;
                default:
                    Signals.stopFrameworkOn(shutdown);
                    if (installer.failures().stream().anyMatch(f -> f.contains("io.backbench.ui.workbench"))) {
                        System.err.println("backbench: the workbench could not start (see above); "
                                + "'backbench --headless' runs without a window");
                        return 1;
                    }
                    framework.waitForStop(0);
                    // the workbench sets it when its window failed (no display, ...) before stopping us
                    return "1".equals(System.getProperty(WORKBENCH_EXIT_STATUS)) ? 1 : 0;
            }
        } finally {
            shutdown.stopAndClean();
        }
    }

    private static int runCommand(Framework framework, List<String> args, PrintStream out)
            throws InterruptedException {
        // the command line service itself waits for the plugins folder to be installed
        CommandLineCall call = new CommandLineCall(framework.getBundleContext());
        int code = call.run(args.toArray(String[]::new), out, System.err, SERVICE_TIMEOUT);
        if (code == -1) {
            System.err.println("backbench: the command line is not available: no " + CommandLineCall.COMMAND_LINE
                    + " service appeared within " + SERVICE_TIMEOUT.toSeconds()
                    + " s (is the io.backbench.cli bundle active? see the messages above)");
            return 1;
        }
        return code;
    }

    /** The product folder: {@code -Dbackbench.product.dir}, else the parent of the launcher's lib/. */
    static Path productDir() throws IOException {
        String configured = System.getProperty("backbench.product.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot tell where the product is installed; set -Dbackbench.product.dir", e);
        }
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.0.0-dev";
    }
}
