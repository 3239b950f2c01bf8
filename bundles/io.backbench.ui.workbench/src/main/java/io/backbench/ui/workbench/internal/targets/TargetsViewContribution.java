package io.backbench.ui.workbench.internal.targets;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.core.api.ConfiguredTargets;
import io.backbench.core.api.TargetTypes;
import io.backbench.jobs.api.JobManager;
import io.backbench.ui.api.Area;
import io.backbench.ui.api.Perspectives;
import io.backbench.ui.api.TargetSettingsPage;
import io.backbench.ui.api.ViewContribution;
import io.backbench.ui.api.ViewPart;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The Targets view: the configured storage targets, with New, Edit, Delete and Test. A target
 * type's own {@link TargetSettingsPage} (whiteboard, by its {@code backbench.target.type} property)
 * replaces the generic settings form. Pages bind and unbind on SCR threads.
 */
@Component(service = ViewContribution.class, property = {ViewContribution.ID_PROPERTY + "=" + TargetsViewContribution.ID,
        ViewContribution.LABEL_PROPERTY + "=Targets"})
public class TargetsViewContribution implements ViewContribution {

    public static final String ID = "io.backbench.ui.views.targets";

    @Reference
    private ConfiguredTargets targets;
    @Reference
    private TargetTypes types;
    @Reference
    private JobManager jobs;

    /** The pages by service id, so that the first registered for a type wins. */
    private final Map<Long, Page> pages = new ConcurrentHashMap<>();

    private record Page(long serviceId, String type, TargetSettingsPage page) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(ServiceReference<TargetSettingsPage> ref, TargetSettingsPage page) {
        Object type = ref.getProperty(TargetSettingsPage.TYPE_PROPERTY);
        long id = (Long) ref.getProperty(Constants.SERVICE_ID);
        try {
            pages.put(id, new Page(id, type != null ? type.toString() : page.type(), page));
        } catch (RuntimeException e) {
            System.err.println("backbench: a target settings page failed to give its type and is ignored: " + e);
        }
    }

    void removePage(ServiceReference<TargetSettingsPage> ref) {
        pages.remove((Long) ref.getProperty(Constants.SERVICE_ID));
    }

    /** The page registered first for {@code type}, if any. Any thread. */
    Optional<TargetSettingsPage> page(String type) {
        return pages.values().stream().filter(p -> p.type().equals(type))
                .min((a, b) -> Long.compare(a.serviceId(), b.serviceId())).map(Page::page);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Targets";
    }

    @Override
    public List<String> perspectives() {
        return List.of(Perspectives.TARGETS);
    }

    @Override
    public Area area() {
        return Area.CENTER;
    }

    @Override
    public ViewPart createView() {
        return new TargetsView(targets, types, this::page, new TargetTests(targets, jobs));
    }
}
