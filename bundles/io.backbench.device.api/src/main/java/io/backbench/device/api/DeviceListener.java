package io.backbench.device.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears of devices that come, go or change. Called on a provider's thread (never the UI thread):
 * return quickly and hand real work to another thread. UI consumers switch to the UI thread
 * themselves.
 */
@ConsumerType
@FunctionalInterface
public interface DeviceListener {

    void deviceChanged(DeviceEvent event);
}
