package io.backbench.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.backbench.core.api.DataFolders;

/** The user's data folders, created at activation. */
@Component(service = DataFolders.class)
public class DataFoldersComponent implements DataFolders {
    /** FileInstall's property naming the watched folder; the launcher points it at home/plugins. */
    static final String FILEINSTALL_DIR = "felix.fileinstall.dir";

    private final Path home;
    private final Path plugins;

    @Activate
    public DataFoldersComponent(BundleContext context) {
        this(HomeFolder.resolve(context::getProperty, System.getenv(), System.getProperty("user.home")),
                context.getProperty(FILEINSTALL_DIR));
    }

    DataFoldersComponent(Path home, String fileInstallDir) {
        this.home = home;
        this.plugins = fileInstallDir == null || fileInstallDir.isBlank()
                ? home.resolve("plugins") : Path.of(fileInstallDir.trim()).toAbsolutePath().normalize();
        for (Path p : new Path[] {home, config(), catalog(), cache(), plugins}) {
            try {
                Files.createDirectories(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the Backbench data folder " + p
                        + " (" + e + "); set BACKBENCH_HOME to a writable folder", e);
            }
        }
    }

    @Override
    public Path home() {
        return home;
    }

    @Override
    public Path config() {
        return home.resolve("config");
    }

    @Override
    public Path catalog() {
        return home.resolve("catalog");
    }

    @Override
    public Path cache() {
        return home.resolve("cache");
    }

    @Override
    public Path plugins() {
        return plugins;
    }
}
