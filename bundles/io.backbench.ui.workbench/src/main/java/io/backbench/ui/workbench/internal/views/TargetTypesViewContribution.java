package io.backbench.ui.workbench.internal.views;

import io.backbench.core.api.PluginManager;
import io.backbench.core.api.TargetTypes;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The Target Types view: the storage target types that bundles contribute, and their settings. */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + TargetTypesViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Target Types"})
public class TargetTypesViewContribution extends BuiltInView {

    public static final String ID = "io.backbench.ui.views.targettypes";

    @Reference
    private TargetTypes types;

    // only for the plugins folder named in the empty state
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PluginManager plugins;

    public TargetTypesViewContribution() {
        super(ID, "Target Types", Area.CENTER, Perspectives.TARGETS);
    }

    @Override
    public ViewPart createView() {
        PluginManager pm = plugins;
        return new TargetTypesView(types, pm == null ? "the plugins folder" : pm.pluginFolder().toString());
    }
}
