package io.backbench.sample.target;

import java.io.IOException;
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

/**
 * Contributes the target type "sample" to Backbench. Registering this service is all a plugin
 * does: the workbench, the CLI and the job editor find it by its type.
 */
@Component(service = TargetFactory.class, property = TargetFactory.TYPE_PROPERTY + "=" + SampleTargetFactory.TYPE)
public class SampleTargetFactory implements TargetFactory {
    static final String TYPE = "sample";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "Sample folder target";
    }

    @Override
    public String description() {
        return "Keeps every object as one file in a single folder (keys flattened into file names). "
                + "An example to copy when writing a target plugin.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required("folder", "Folder", Type.PATH,
                        "The folder that holds the objects, e.g. /srv/backbench-sample"),
                SettingDescriptor.optional("create", "Create the folder", Type.BOOLEAN, "true",
                        "Create the folder if it does not exist"));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        Path folder = settings.requirePath("folder").toAbsolutePath().normalize();
        boolean create = settings.getBoolean("create", true);
        if (!Files.isDirectory(folder)) {
            if (Files.exists(folder)) {
                throw TargetException.permanentFailure("setting 'folder': " + folder + " is a file, not a folder", null);
            }
            if (!create) {
                throw TargetException.permanentFailure("setting 'folder': " + folder
                        + " does not exist; create it, or set create=true", null);
            }
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw TargetException.permanentFailure("cannot create the folder " + folder + ": " + e.getMessage(), e);
            }
        }
        return new SampleFolderTarget(folder);
    }
}
