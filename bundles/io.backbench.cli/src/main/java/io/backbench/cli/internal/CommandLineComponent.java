package io.backbench.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandLine;
import io.backbench.core.api.DataFolders;
import io.backbench.core.api.PluginManager;
import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.TargetTypes;
import io.backbench.target.api.TargetFactory;

/**
 * The {@link CommandLine} service the launcher calls (on its main thread). Waits for the plugins
 * folder first so a short-lived process sees the plugins' services, then dispatches.
 */
@Component(service = CommandLine.class)
public class CommandLineComponent implements CommandLine {
    static final Duration PLUGIN_WAIT = Duration.ofSeconds(10);

    private final BundleContext context;
    private final PluginManager plugins;
    private final DataFolders folders;
    private final List<Command> contributed = new CopyOnWriteArrayList<>();
    private final Dispatcher dispatcher;

    @Activate
    public CommandLineComponent(BundleContext context, @Reference PluginManager plugins,
                                @Reference TargetTypes types, @Reference DataFolders folders,
                                @Reference ConfiguredTargets targets) {
        this.context = context;
        this.plugins = plugins;
        this.folders = folders;
        this.dispatcher = new Dispatcher(List.of(
                new VersionCommand(this::versionInfo),
                new PluginsCommand(plugins),
                new TargetsCommand(types, new ConfiguredTargetsCommands(types, targets), CommandLineComponent::providerOf)), this::contributedCommands,
                CommandLineComponent::bundleOf);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(Command command) {
        contributed.add(command);
    }

    void removeCommand(Command command) {
        contributed.remove(command);
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (!plugins.awaitPluginFolder(PLUGIN_WAIT)) {
                err.println("backbench: warning: the plugins in " + plugins.pluginFolder() + " were not all started after "
                        + PLUGIN_WAIT.toSeconds() + " s; their commands and target types may be missing"
                        + " ('backbench plugins list' shows their state)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("backbench: interrupted");
            return FAILURE;
        }
        return dispatcher.run(args, out, err);
    }

    private Collection<Command> contributedCommands() {
        return new ArrayList<>(contributed);
    }

    private VersionInfo versionInfo() {
        Bundle system = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        String vendor = context.getProperty(Constants.FRAMEWORK_VENDOR);
        String product = context.getProperty("backbench.version");
        return new VersionInfo(product == null ? "unknown (backbench.version is not set)" : product,
                System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                (vendor == null ? "" : vendor + " ") + system.getSymbolicName(), system.getVersion().toString(),
                folders.home().toString());
    }

    /** "the bundle com.acme.foo 1.0.0 (id 12)" for the bundle whose class loader defined the command. */
    static String bundleOf(Command command) {
        Bundle b = FrameworkUtil.getBundle(command.getClass());
        return b == null ? "class " + command.getClass().getName()
                : "the bundle " + b.getSymbolicName() + " " + b.getVersion() + " (id " + b.getBundleId() + ")";
    }

    /** The bundle whose class loader defined the factory: the bundle that provides it. */
    static String providerOf(TargetFactory factory) {
        Bundle b = FrameworkUtil.getBundle(factory.getClass());
        return b == null ? "" : b.getSymbolicName() + " " + b.getVersion();
    }
}
