/**
 * What the discovery bundle offers beyond the device provider SPI: raw disk image files added by the
 * user as sources ({@link io.backbench.discovery.api.ImageSources}), reported by the provider as
 * {@code IMAGE_FILE} devices with their partitions and filesystems.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.discovery.api;
