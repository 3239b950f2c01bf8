package io.backbench.ui.workbench.internal.prefs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.backbench.core.api.PluginManager;
import io.backbench.ui.api.PreferenceField;
import io.backbench.ui.api.PreferencePageContribution;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The built-in "Plugins" preference page: whether unsigned or untrusted plugins are allowed (off by
 * default) and the plugin repositories "Install Plugin..." offers. The plugin manager reads them
 * from the same PID.
 */
@Component(property = PreferencePageContribution.LABEL_PROPERTY + "=Plugins")
public class PluginsPreferencePage implements PreferencePageContribution {

    private String productRepository = "";

    @Activate
    void activate(BundleContext context) {
        String product = context.getProperty("backbench.product.dir");
        if (product != null && !product.isBlank()) {
            Path repo = Path.of(product.trim()).toAbsolutePath().normalize().resolve("repository");
            productRepository = Files.isDirectory(repo) ? repo.toString() : "";
        }
    }

    @Override
    public String id() {
        return "io.backbench.ui.workbench.preferences.plugins";
    }

    @Override
    public String label() {
        return "Plugins";
    }

    @Override
    public String pid() {
        return PluginManager.PREFERENCES_PID;
    }

    @Override
    public List<PreferenceField> fields() {
        return List.of(
                PreferenceField.bool("allowUntrusted", "Allow unsigned or untrusted plugins", false,
                        "Off: only plugins signed by a publisher in the plugin trust store are installed and started "
                                + "(backbench plugins trust add CERT.pem adds one). On: any plugin is accepted; a "
                                + "plugin runs with all the rights of Backbench, so turn this on only for plugins you "
                                + "built or checked yourself."),
                PreferenceField.string("repositories", "Plugin repositories", productRepository,
                        "Folders or URLs (file:, http:) of OSGi repository indexes, separated by spaces; "
                                + "\"Install Plugin...\" lists their plugins. Empty: the product's own repository"
                                + (productRepository.isEmpty() ? "." : " (" + productRepository + ")."))); 
    }
}
