package io.backbench.target.disk.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/** The {@code disk} target type: a folder on a local or mounted disk. Stateless, so thread-safe. */
@Component(service = TargetFactory.class, property = TargetFactory.TYPE_PROPERTY + "=disk")
public class DiskTargetFactory implements TargetFactory {
    static final String PATH = "path";
    static final String CREATE = "create";
    static final String FSYNC = "fsync";

    @Override
    public String type() {
        return "disk";
    }

    @Override
    public String displayName() {
        return "Local folder";
    }

    @Override
    public String description() {
        return "Stores the repository in a folder on a local or mounted disk (USB drive, NAS mount). Every write"
                + " is atomic, so a crash never leaves a half-written object.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required(PATH, "Folder", Type.PATH,
                        "The absolute path of the folder that holds the repository, e.g. /srv/backup/repo."),
                SettingDescriptor.optional(CREATE, "Create the folder", Type.BOOLEAN, "true",
                        "Create the folder (and its parents) if it does not exist yet."),
                SettingDescriptor.optional(FSYNC, "Flush every write to disk", Type.BOOLEAN, "true",
                        "Wait until each object is on the disk before going on (fsync). Turn off only for"
                                + " scratch data: a power cut may then lose the last objects written."));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        Path path = settings.requirePath(PATH);
        if (!path.isAbsolute()) {
            throw TargetException.permanentFailure("setting '" + PATH + "' must be an absolute folder path such as"
                    + " /srv/backup/repo, not '" + path + "'", null);
        }
        path = path.normalize();
        boolean create = settings.getBoolean(CREATE, true);
        boolean fsync = settings.getBoolean(FSYNC, true);
        prepareFolder(path, create);
        return new DiskTarget(path, fsync);
    }

    private static void prepareFolder(Path path, boolean create) throws TargetException {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw TargetException.permanentFailure("setting '" + PATH + "': " + path
                    + " is a file, not a folder; choose a folder", null);
        }
        if (!Files.exists(path)) {
            if (!create) {
                throw TargetException.permanentFailure("setting '" + PATH + "': the folder " + path
                        + " does not exist; create it, or set '" + CREATE + "' to true", null);
            }
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw DiskErrors.translate("disk:" + path, "creating the target folder", path, e);
            }
        }
        // Reading the folder once here turns a missing read permission into a clear error at open time.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
            entries.iterator().hasNext();
        } catch (IOException e) {
            throw DiskErrors.translate("disk:" + path, "opening the target folder", path, e);
        }
    }
}
