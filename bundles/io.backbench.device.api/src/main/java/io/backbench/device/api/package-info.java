/**
 * The device provider SPI: what block devices, partitions, filesystems and tape drives a machine
 * has, as the imaging engine, the Devices view and the CLI need to know them.
 *
 * <p>A bundle that can discover devices (Linux sysfs and procfs, a remote agent, a test fixture
 * of image files) registers a {@link io.backbench.device.api.DeviceProvider} service; consumers
 * take every provider they find (whiteboard) and listen for {@link io.backbench.device.api.DeviceEvent}s.
 * Providers only look: they never write to a device.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.backbench.device.api;
