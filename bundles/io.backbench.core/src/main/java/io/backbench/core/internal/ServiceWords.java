package io.backbench.core.internal;

import java.util.Map;

/** The Backbench service interfaces a plugin may provide, in the words the Install dialog shows. */
final class ServiceWords {
    private static final Map<String, String> WORDS = Map.of(
            "io.backbench.target.api.TargetFactory", "target type",
            "io.backbench.ui.api.ViewContribution", "view",
            "io.backbench.ui.api.PerspectiveContribution", "perspective",
            "io.backbench.ui.api.PreferencePageContribution", "preference page",
            "io.backbench.ui.api.ActionContribution", "action",
            "io.backbench.ui.api.TargetSettingsPage", "target settings page",
            "io.backbench.cli.api.Command", "command",
            "io.backbench.jobs.scheduler.api.JobKind", "job kind");

    private ServiceWords() {
    }

    /** "target type" for TargetFactory, ..., or null for a service we have no words for. */
    static String of(String objectClass) {
        return WORDS.get(objectClass);
    }
}
