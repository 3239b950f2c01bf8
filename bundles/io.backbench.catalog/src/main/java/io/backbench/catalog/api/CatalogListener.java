package io.backbench.catalog.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told after this process changed the catalog (other processes writing to a shared PostgreSQL
 * catalog are not heard: poll for those). Called on the thread that made the change, which may be
 * a job's worker: return quickly and do not throw. Register with {@link Catalog#addListener} or as
 * a whiteboard service.
 */
@ConsumerType
@FunctionalInterface
public interface CatalogListener {
    void changed(CatalogChange change);
}
