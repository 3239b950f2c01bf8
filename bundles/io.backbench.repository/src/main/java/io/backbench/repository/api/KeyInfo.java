package io.backbench.repository.api;

import java.time.Instant;

/** One key file: what {@code restic key list} shows. {@code current} for the key this session opened with. */
public record KeyInfo(Id id, boolean current, String username, String hostname, Instant created) {
}
