package io.backbench.discovery.internal.fs;

import java.io.IOException;

import io.backbench.discovery.internal.source.BlockSource;

/** Recognises one on-disk format from its superblock. Implementations only read. */
interface FsParser {

    /** The format found at the start of {@code source}, or {@code null} if it is not this format. */
    FsProbe probe(BlockSource source) throws IOException;
}
