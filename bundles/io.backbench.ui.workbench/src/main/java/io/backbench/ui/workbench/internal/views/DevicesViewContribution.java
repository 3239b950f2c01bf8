package io.backbench.ui.workbench.internal.views;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.backbench.device.api.DeviceProvider;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The Devices view: disks, partitions and drives from every {@link DeviceProvider} service. The
 * providers come and go with their bundles (bind/unbind on OSGi threads); open views are told.
 */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + DevicesViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Devices"})
public class DevicesViewContribution extends BuiltInView {

    public static final String ID = "io.backbench.ui.views.devices";

    private final List<DeviceProvider> providers = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public DevicesViewContribution() {
        super(ID, "Devices", Area.CENTER, Perspectives.DEVICES);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(DeviceProvider provider) {
        providers.add(provider);
        listeners.forEach(Runnable::run);
    }

    void removeProvider(DeviceProvider provider) {
        providers.remove(provider);
        listeners.forEach(Runnable::run);
    }

    @Override
    public ViewPart createView() {
        return new DevicesView(providers, listeners);
    }
}
