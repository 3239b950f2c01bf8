package io.backbench.catalog.internal;

import java.time.Clock;
import java.time.Duration;

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
 * <p>In the workbench and headless modes ({@code backbench.mode}, also when unset) the database is
 * opened at activation and the embedded H2 file is served to other processes (AUTO_SERVER); the
 * component registers the {@link JdbcCatalog} itself. In a CLI command ({@code cli}) it registers a
 * {@link LazyCatalog} that opens the database on first use, without a server: most commands never
 * touch the catalog, and loading H2 and starting its server cost each of them about a third of its
 * CPU time.
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

    /** How long a process waits for the H2 file while another one holds it without serving it. */
    static final Duration WAIT_FOR_FILE = Duration.ofSeconds(15);

    private final LazyCatalog catalog;
    private final ServiceRegistration<Catalog> registration;

    @Activate
    public CatalogComponent(BundleContext context, @Reference DataFolders folders, Config config) {
        String url = config.url() == null ? "" : config.url().trim();
        boolean cli = "cli".equals(context.getProperty("backbench.mode"));
        this.catalog = LazyCatalog.of(serve -> url.isEmpty() ? JdbcCatalog.openH2(folders.catalog(), Clock.systemUTC(), serve, WAIT_FOR_FILE)
                : JdbcCatalog.open(url, config.user(), config.password(), Clock.systemUTC()), !cli);
        this.registration = context.registerService(Catalog.class, cli ? catalog.proxy() : catalog.open(), null);
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
