package io.backbench.device.api;

import java.util.Objects;

/**
 * A device appeared, disappeared or changed (new filesystem, mounted, resized, medium inserted).
 *
 * @param type   what happened
 * @param device the device as it is now; for {@link Type#REMOVED}, as it was last seen
 */
public record DeviceEvent(Type type, Device device) {

    /** What happened to the device. */
    public enum Type {
        ADDED, REMOVED, CHANGED
    }

    public DeviceEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(device, "device");
    }
}
