package io.backbench.device.api;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of {@link Device}s, registered as an OSGi service; consumers use every provider they
 * find (whiteboard). Several providers may report the same machine's devices from different angles
 * (block devices, tape drives); device ids are unique only within one provider.
 *
 * <h2>Contract</h2>
 * <ul>
 * <li><b>Read only.</b> A provider never writes to a device, never mounts, unmounts, partitions or
 *     formats anything, and opens devices (if at all) read-only. Discovery must be safe on a
 *     production server.</li>
 * <li><b>Threads.</b> Every method may be called from any thread, concurrently.</li>
 * <li><b>Snapshots.</b> {@link #devices()} returns an immutable snapshot of what is there now,
 *     parents before their children (a disk before its partitions).</li>
 * <li><b>Events.</b> Listeners hear of changes after they happen, in the order they happen, from
 *     one thread of the provider's choosing (never while holding a lock a caller could need). A
 *     listener that throws is reported in the log and keeps receiving events. A provider that
 *     cannot watch for changes sends no events; consumers then call {@link #devices()} again when
 *     the user asks to refresh.</li>
 * </ul>
 */
@ConsumerType
public interface DeviceProvider {

    /** A short name for people and logs, e.g. "Linux block devices", "Tape drives". */
    String name();

    /**
     * The devices present now, parents before children.
     *
     * @throws IOException if the devices cannot be read (the message says what and why, e.g. "/sys
     *                     is not mounted"); a single device that cannot be read is left out or
     *                     reported with what is known, not a failure of the whole call
     */
    List<Device> devices() throws IOException;

    /** Starts sending events to {@code listener}. Adding the same listener twice has no effect. */
    void addListener(DeviceListener listener);

    /**
     * Stops sending events to {@code listener}; removing one that was never added does nothing. An
     * event already being delivered may still arrive once while this returns.
     */
    void removeListener(DeviceListener listener);
}
