package io.backbench.ui.workbench.internal.prefs;

import java.util.List;

import io.backbench.ui.api.PreferenceField;
import io.backbench.ui.api.PreferencePageContribution;

import org.osgi.service.component.annotations.Component;

/** The built-in "Jobs" preference page: how many jobs run at once (the job manager's PID). */
@Component(property = PreferencePageContribution.LABEL_PROPERTY + "=Jobs")
public class JobsPreferencePage implements PreferencePageContribution {

    static final String PID = "io.backbench.jobs";

    @Override
    public String id() {
        return "io.backbench.ui.workbench.preferences.jobs";
    }

    @Override
    public String label() {
        return "Jobs";
    }

    @Override
    public String pid() {
        return PID;
    }

    @Override
    public List<PreferenceField> fields() {
        return List.of(PreferenceField.integer("workers", "Parallel jobs", 2, 1, 64,
                "How many backup, image and verification jobs run at the same time (1 to 64). "
                        + "More jobs finish sooner together but share the disks and the network."));
    }
}
