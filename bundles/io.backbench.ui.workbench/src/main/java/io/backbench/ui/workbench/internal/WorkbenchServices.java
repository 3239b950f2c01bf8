package io.backbench.ui.workbench.internal;

import java.util.function.Supplier;

import io.backbench.core.api.DataFolders;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;

/**
 * What the window needs from the framework. {@code configAdmin} may give null (the service is
 * optional and may come and go).
 */
public record WorkbenchServices(BundleContext context, DataFolders folders,
                                Supplier<ConfigurationAdmin> configAdmin, Logger log) {

    public String productVersion() {
        String v = context.getProperty("backbench.version");
        return v == null || v.isBlank() ? "(development build)" : v;
    }
}
