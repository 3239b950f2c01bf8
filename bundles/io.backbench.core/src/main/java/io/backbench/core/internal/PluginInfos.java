package io.backbench.core.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import io.backbench.core.api.PluginInfo;
import io.backbench.target.api.TargetFactory;

/** Describes installed bundles for the Plugins view and {@code backbench plugins list}. */
final class PluginInfos {
    static final String PRODUCT_DIR_PROPERTY = "backbench.product.dir";
    static final String VIEW_LABEL = "backbench.view.label";
    static final String PREFERENCE_LABEL = "backbench.preference.label";
    static final String COMMAND_NAME = "backbench.command";

    private final BundleContext context;
    private final PluginFolder plugins;
    private final Path productBundles;
    private final PluginResolverHook refusals;

    PluginInfos(BundleContext context, PluginFolder plugins, PluginResolverHook refusals) {
        this.context = context;
        this.plugins = plugins;
        this.refusals = refusals;
        String product = context.getProperty(PRODUCT_DIR_PROPERTY);
        this.productBundles = product == null || product.isBlank() ? null
                : Path.of(product.trim()).toAbsolutePath().normalize().resolve("bundle");
    }

    List<PluginInfo> all() {
        List<PluginInfo> infos = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(BundleProbe.LOCATION_PREFIX)) {
                continue; // a plugin being checked right now, not installed
            }
            infos.add(describe(b));
        }
        return infos;
    }

    PluginInfo describe(Bundle b) {
        String bsn = b.getSymbolicName() == null ? "bundle-" + b.getBundleId() : b.getSymbolicName();
        String feature = feature(b);
        return new PluginInfo(b.getBundleId(), bsn, header(b, Constants.BUNDLE_NAME, bsn), b.getVersion().toString(),
                header(b, Constants.BUNDLE_VENDOR, ""), header(b, Constants.BUNDLE_DESCRIPTION, ""), state(b.getState()),
                feature, feature.equals("plugin"), contributions(b),
                b.getState() == Bundle.INSTALLED ? refusals.refusal(b.getBundleId()).orElse("") : "");
    }

    /** The product feature folder a bundle came from, "plugin" for the plugins folder, else "other". */
    String feature(Bundle b) {
        if (plugins.contains(b.getLocation())) {
            return "plugin";
        }
        Optional<Path> file = PluginFolder.fileOf(b.getLocation());
        if (productBundles != null && file.isPresent()) {
            Path parent = file.get().getParent();
            if (parent != null && parent.getParent() != null && sameFolder(productBundles, parent.getParent())) {
                return parent.getFileName().toString();
            }
        }
        return "other";
    }

    /** Equal as given or after resolving links (the launcher may name the product folder through one). */
    private static boolean sameFolder(Path a, Path b) {
        if (a.equals(b)) {
            return true;
        }
        try {
            return java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }

    private List<String> contributions(Bundle b) {
        Set<String> lines = new LinkedHashSet<>();
        ServiceReference<?>[] refs;
        try {
            refs = b.getRegisteredServices();
        } catch (IllegalStateException e) {
            return List.of(); // uninstalled meanwhile
        }
        if (refs == null) {
            return List.of();
        }
        for (ServiceReference<?> ref : refs) {
            String preference = string(ref.getProperty(PREFERENCE_LABEL));
            if (preference != null) {
                lines.add("preferences: " + preference);
            }
            String line = contribution(ref);
            if (line != null) {
                lines.add(line);
            }
        }
        return new ArrayList<>(lines);
    }

    private String contribution(ServiceReference<?> ref) {
        String[] classes = (String[]) ref.getProperty(Constants.OBJECTCLASS);
        List<String> names = classes == null ? List.of() : List.of(classes);
        if (names.contains(TargetFactory.class.getName())) {
            return "target type: " + targetType(ref);
        }
        String view = string(ref.getProperty(VIEW_LABEL));
        if (view != null) {
            return "view: " + view;
        }
        String command = string(ref.getProperty(COMMAND_NAME));
        if (command != null) {
            return "command: " + command;
        }
        if (string(ref.getProperty(PREFERENCE_LABEL)) != null) {
            return null; // already said
        }
        List<String> shortNames = new ArrayList<>();
        for (String c : names) {
            shortNames.add(c.substring(c.lastIndexOf('.') + 1));
        }
        return String.join(", ", shortNames);
    }

    private String targetType(ServiceReference<?> ref) {
        String type = string(ref.getProperty(TargetFactory.TYPE_PROPERTY));
        if (type != null) {
            return type;
        }
        if (!ref.isAssignableTo(context.getBundle(), TargetFactory.class.getName())) {
            return "?";
        }
        Object service = context.getService(ref);
        try {
            return service instanceof TargetFactory f ? f.type() : "?";
        } catch (RuntimeException e) {
            return "? (" + e + ")";
        } finally {
            if (service != null) {
                context.ungetService(ref);
            }
        }
    }

    private static String header(Bundle b, String name, String fallback) {
        String v = b.getHeaders().get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String string(Object o) {
        if (o == null) {
            return null;
        }
        String s = o instanceof String[] a ? String.join(", ", a) : o.toString();
        return s.isBlank() ? null : s;
    }
}
