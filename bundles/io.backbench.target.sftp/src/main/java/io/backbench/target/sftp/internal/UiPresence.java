package io.backbench.target.sftp.internal;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Enables the settings page component only when this bundle was wired to the workbench's packages
 * (SWT, JFace, the contribution API, all imported optionally). Headless, the page stays disabled,
 * so nothing ever tries to load its SWT classes and the target type works on its own.
 */
@Component(immediate = true)
public class UiPresence {
    /** The name of the page's (initially disabled) component. */
    static final String PAGE = "io.backbench.target.sftp.page";
    private static final Set<String> ESSENTIAL = Set.of("io.backbench.ui.api", "org.eclipse.swt.widgets",
            "org.eclipse.jface.dialogs");
    private static final Pattern PACKAGE = Pattern.compile("\\(" + PackageNamespace.PACKAGE_NAMESPACE + "=([^)]+)\\)");

    @Activate
    void activate(ComponentContext context) {
        if (uiWired(context.getBundleContext().getBundle())) {
            context.enableComponent(PAGE);
        }
    }

    /** Whether every UI package this bundle imports (optionally) is wired to an exporter. */
    static boolean uiWired(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        Set<String> wired = new HashSet<>();
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            wired.add(String.valueOf(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)));
        }
        boolean any = false;
        for (BundleRequirement r : wiring.getRequirements(PackageNamespace.PACKAGE_NAMESPACE)) {
            Matcher m = PACKAGE.matcher(String.valueOf(r.getDirectives().get(PackageNamespace.REQUIREMENT_FILTER_DIRECTIVE)));
            if (m.find() && isUi(m.group(1))) {
                any = true;
                if (!wired.contains(m.group(1))) {
                    return false;
                }
            }
        }
        // in case a framework lists only the wired requirements: the page cannot do without these
        return any && wired.containsAll(ESSENTIAL);
    }

    private static boolean isUi(String pkg) {
        return pkg.startsWith("org.eclipse.") || pkg.equals("io.backbench.ui.api");
    }
}
