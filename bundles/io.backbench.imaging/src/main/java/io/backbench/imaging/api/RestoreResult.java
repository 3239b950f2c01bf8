package io.backbench.imaging.api;

import java.util.List;

/**
 * What {@link DiskImages#restore} or {@link DiskImages#export} did.
 *
 * @param target        the device or file written
 * @param imageSize     the image's size in bytes
 * @param targetSize    the target's size in bytes (at least the image's)
 * @param bytesWritten  bytes written to the target
 * @param gptRelocated  whether the GPT's backup header and entries were moved to the end of a larger target
 * @param warnings      what the user should know
 */
public record RestoreResult(String target, long imageSize, long targetSize, long bytesWritten, boolean gptRelocated,
        List<String> warnings) {

    public RestoreResult {
        warnings = List.copyOf(warnings);
    }
}
