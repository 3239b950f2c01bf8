package io.backbench.core.api;

import java.util.List;
import java.util.Optional;

import io.backbench.target.api.TargetFactory;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The target types currently contributed by {@link TargetFactory} services: the view the core, the
 * CLI and the UI share. Changes as bundles come and go. Thread-safe.
 */
@ProviderType
public interface TargetTypes {

    /** The factories now registered, sorted by type; the first registered wins a duplicate type. */
    List<TargetFactory> all();

    Optional<TargetFactory> find(String type);

    /** Called (on an OSGi thread) after a type appeared or disappeared. */
    void addListener(Runnable listener);

    void removeListener(Runnable listener);
}
