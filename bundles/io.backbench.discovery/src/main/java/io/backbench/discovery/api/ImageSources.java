package io.backbench.discovery.api;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raw disk image files ({@code .img}) that the user added as sources. The discovery bundle's
 * {@link io.backbench.device.api.DeviceProvider} reports each as an {@code IMAGE_FILE} device, its
 * partition table and filesystems read from the file, and sends ADDED / REMOVED / CHANGED events
 * for them like for block devices. Registered as a service by the same component as the provider.
 *
 * <p>The set lives as long as the service; it is not persisted. Every method may be called from
 * any thread.
 */
@ProviderType
public interface ImageSources {

    /**
     * Adds {@code file}; listeners hear ADDED within a few seconds.
     *
     * @return false if it had been added before (same absolute, normalised path)
     * @throws IllegalArgumentException if it does not exist, is not a regular file, or cannot be
     *                                  read; the message says which and what to do
     */
    boolean addImageFile(Path file);

    /** Stops reporting {@code file} (listeners hear REMOVED); false if it was not added. */
    boolean removeImageFile(Path file);

    /** The files added, as absolute paths, sorted. */
    List<Path> imageFiles();
}
