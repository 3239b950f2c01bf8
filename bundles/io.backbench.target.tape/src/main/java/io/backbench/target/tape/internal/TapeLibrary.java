package io.backbench.target.tape.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * A tape library as a target's settings describe it: its drive (not yet touched), the catalog
 * folder, the name written on its labels, the block size for new volumes.
 *
 * @param capacity the bytes per cartridge when known (virtual cartridges), else 0
 * @param folder   the folder of a virtual library, a cartridge folder in it each; null for a drive
 */
record TapeLibrary(TapeDrive drive, Path catalog, String name, int blockSize, Duration operatorTimeout, long capacity,
                   Path folder) {
}
