package io.backbench.core.api;

import java.util.List;
import java.util.Optional;

import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The storage targets an administrator has set up by name ("nas-sftp", "offsite-s3"), and the one
 * place where a repository location is turned into an open {@link StorageTarget}.
 *
 * <p>A location is one of:
 * <ul>
 * <li>{@code target:NAME}: the configured target {@code NAME};</li>
 * <li>{@code TYPE:key=value,key=value} or {@code TYPE:VALUE} (VALUE for the type's first required
 * setting): a target of a registered type, e.g. {@code s3:bucket=b,endpoint=http://127.0.0.1:9000};</li>
 * <li>anything else: a folder path, the {@code disk} target.</li>
 * </ul>
 *
 * <p>Configured targets persist in the user's data folder; settings whose descriptor is
 * {@code SECRET} are stored encrypted with a per-installation key, never as plain text, and are
 * handed back decrypted only through {@link #find} and {@link #open}. Thread-safe.
 */
@ProviderType
public interface ConfiguredTargets {

    /** One configured target: its unique name, its type and its settings (secrets decrypted). */
    record Entry(String name, String type, TargetSettings settings) {
    }

    /** Every configured target, sorted by name. */
    List<Entry> all();

    Optional<Entry> find(String name);

    /**
     * Adds or replaces the target {@code entry.name()}. Checks first that the type is registered and
     * that every required setting is set; a {@link TargetException} names what is wrong.
     */
    void save(Entry entry) throws TargetException;

    /** Removes the configured target; its data on the storage is not touched. */
    void delete(String name);

    /**
     * Opens the target a repository location names (see the class comment). A missing type
     * ("the sftp target type is not installed; install its plugin"), an unknown name or a bad
     * setting is a {@link TargetException} whose message says what to do.
     */
    default StorageTarget open(String location) throws TargetException {
        return open(location, false);
    }

    /**
     * {@link #open(String)}, for creating a repository when {@code create} is true. For a type with
     * a {@code create} setting (the disk folder, the S3 bucket), a {@code TYPE:...} or folder location
     * gets {@code create=<create>} (so a mistyped path is reported, not made, when only opening); a
     * configured target keeps its own setting unless {@code create} is true.
     */
    StorageTarget open(String location, boolean create) throws TargetException;

    /**
     * The location as it may be shown, printed or logged: in {@code TYPE:key=value,...}, the values of the
     * settings the type declares {@code SECRET} (for a type not installed: of the settings whose name says
     * secret, password, passphrase or token) are replaced by {@code ***}. Other locations come back as given.
     */
    String display(String location);

    /** Called (on any thread) after a target was saved or deleted. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
