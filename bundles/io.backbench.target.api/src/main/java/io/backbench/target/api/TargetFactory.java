package io.backbench.target.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of storage target, contributed as an OSGi service (whiteboard): a bundle that registers a
 * {@code TargetFactory} adds a target type to the workbench, the CLI and the job editor, and takes
 * it away again when it stops. The core finds factories by {@link #type()}; two factories with the
 * same type are an error reported in the log, the first registered wins.
 *
 * <p>Implementations are thread-safe; {@link #open} may be called from any thread, many times.
 */
@ConsumerType
public interface TargetFactory {

    /** Service property that repeats {@link #type()}, so consumers can filter without the object. */
    String TYPE_PROPERTY = "backbench.target.type";

    /** The type name used in locations and configuration: lower case, e.g. {@code disk}, {@code s3}. */
    String type();

    /** A short name for people: "Local folder", "S3-compatible object storage". */
    String displayName();

    /** One or two sentences on what this target is for. */
    String description();

    /** The settings a target of this type takes, in the order a form shows them. */
    List<SettingDescriptor> settings();

    /**
     * Opens (and, where the settings ask for it, creates) a target. Validates the settings first:
     * a missing or malformed one gives a {@link TargetException} naming the setting.
     */
    StorageTarget open(TargetSettings settings) throws TargetException;
}
