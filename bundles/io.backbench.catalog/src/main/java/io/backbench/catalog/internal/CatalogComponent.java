package io.backbench.catalog.internal;

import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.CatalogListener;
import io.backbench.core.api.DataFolders;

/**
 * Opens the catalog and registers it as the {@link Catalog} service. Configured by ConfigAdmin PID
 * {@code io.backbench.catalog}: {@code url} (a JDBC url; empty for the embedded H2 file in the data
 * folder's {@code catalog/}), {@code user}, {@code password}. A new configuration re-activates the
 * component on the new database. Whiteboard {@link CatalogListener} services are told of changes.
 *
 * <p>The component registers the {@link JdbcCatalog} itself (rather than being the service) so the
 * service object is the catalog, with no delegating copy of its interface.
 */
@Component(immediate = true, configurationPid = CatalogComponent.PID)
public class CatalogComponent {
    static final String PID = "io.backbench.catalog";

    /** The configuration (ConfigAdmin PID io.backbench.catalog). */
    public @interface Config {
        String url() default "";

        String user() default "";

        String password() default "";
    }

    private final JdbcCatalog catalog;
    private final ServiceRegistration<Catalog> registration;

    @Activate
    public CatalogComponent(BundleContext context, @Reference DataFolders folders, Config config) {
        String url = config.url() == null ? "" : config.url().trim();
        this.catalog = url.isEmpty() ? JdbcCatalog.openH2(folders.catalog(), Clock.systemUTC())
                : JdbcCatalog.open(url, config.user(), config.password(), Clock.systemUTC());
        this.registration = context.registerService(Catalog.class, catalog, null);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        catalog.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCatalogListener(CatalogListener listener) {
        catalog.addListener(listener);
    }

    void removeCatalogListener(CatalogListener listener) {
        catalog.removeListener(listener);
    }
}
