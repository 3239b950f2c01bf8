package io.backbench.target.tape.api;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Someone who can put a cartridge into a tape drive: the workbench's "load volume" dialog, a robot
 * library's controller, a site's paging integration. Registered as an OSGi service.
 *
 * <p>The tape target calls {@link #requestVolume} on its own I/O thread (a job's thread) and blocks
 * until the operator answers or {@code timeout} passes; implementations must not need that thread
 * (a UI implementation hands the question to its UI thread and waits). Implementations are
 * thread-safe: several tape targets may ask at once, about different drives.
 */
@ConsumerType
public interface VolumeOperator {

    /**
     * Asks for a cartridge to be loaded into a drive, and waits for the answer.
     *
     * @param request what is needed and why
     * @param timeout how long to wait at most; on timeout the answer is empty
     * @return the label of the cartridge now in the drive (as printed on it, e.g. {@code VOL003}),
     *         or empty if the operator cancelled or did not answer in time. For a blank cartridge
     *         the label is the one the tape target writes on it.
     */
    Optional<String> requestVolume(VolumeRequest request, Duration timeout);

    /**
     * One request for a volume.
     *
     * @param drive  the drive, as the administrator knows it: {@code /dev/nst0} or
     *               {@code virtual:/srv/tapes}
     * @param label  the label of the volume wanted (a restore needs {@code VOL001}), or empty when
     *               any blank volume will do (the written volume is full)
     * @param reason one sentence for the person: "volume VOL002 is full; the backup goes on on a blank volume"
     */
    record VolumeRequest(String drive, Optional<String> label, String reason) {
        public VolumeRequest {
            if (drive == null || label == null || reason == null) {
                throw new IllegalArgumentException("drive, label and reason are required");
            }
        }

        /** Whether any blank cartridge will do. */
        public boolean wantsBlank() {
            return label.isEmpty();
        }
    }
}
