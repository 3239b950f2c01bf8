package io.backbench.ui.itests;

import io.backbench.ui.testing.Ui;
import io.backbench.ui.testing.WorkbenchDriver;
import io.backbench.ui.testing.Osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;

import io.backbench.ui.api.PreferenceField;
import io.backbench.ui.api.PreferencePageContribution;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class PreferencesIT {

    @AfterEach
    void leaveNoDialogOpen() {
        WorkbenchDriver.closeDialogs();
    }


    private static final int OK_ID = 0; // IDialogConstants.OK_ID: the data of the dialog's OK button

    /** A page registered by this test bundle, as a plugin would. */
    static final class ReportPage implements PreferencePageContribution {
        @Override
        public String id() {
            return "test.reports";
        }

        @Override
        public String label() {
            return "Test Reports";
        }

        @Override
        public String pid() {
            return "test.reports";
        }

        @Override
        public List<PreferenceField> fields() {
            return List.of(PreferenceField.string("title", "Report title", "Weekly", "Shown on every page"),
                    PreferenceField.bool("mail", "Mail the report", false, ""),
                    PreferenceField.choice("format", "Format", "pdf", List.of("pdf", "html"), ""));
        }
    }

    @Test
    void preferencesDialogShowsEveryContributedPageAndStoresValuesInConfigAdmin() throws Exception {
        ServiceRegistration<PreferencePageContribution> reg = Osgi.context().registerService(
                PreferencePageContribution.class, new ReportPage(), null);
        try {
            Ui.click(WorkbenchDriver.menuItem("File", "Preferences..."));
            Shell dialog = Ui.dialog("preferences");
            List<String> pages = Ui.call(() -> {
                List<String> names = new ArrayList<>();
                for (var w : Ui.find(dialog, w -> w instanceof Tree)) {
                    for (TreeItem item : ((Tree) w).getItems()) {
                        names.add(item.getText());
                    }
                }
                return names;
            });
            assertTrue(pages.containsAll(List.of("Jobs", "Test Reports")), pages.toString());

            Ui.waitUntil("the Parallel jobs field", () -> field(dialog, "workers") != null);
            Button ok = Ui.call(() -> (Button) Ui.find(dialog, w -> w instanceof Button b
                    && Integer.valueOf(OK_ID).equals(b.getData())).get(0));
            Ui.run(() -> field(dialog, "workers").setText("lots"));
            assertFalse(Ui.call(ok::getEnabled), "OK must be disabled while a value is wrong");
            assertTrue(Ui.call(() -> WorkbenchDriver.labels(dialog)).contains("whole number"));
            Ui.run(() -> field(dialog, "workers").setText("3"));
            assertTrue(Ui.call(ok::getEnabled));
            Ui.screenshot(dialog, "preferences");
            Ui.click(ok);
            Ui.waitUntil("the Preferences dialog to close", dialog::isDisposed);

            ConfigurationAdmin admin = Osgi.service(ConfigurationAdmin.class);
            Configuration jobs = admin.getConfiguration("io.backbench.jobs", "?");
            Dictionary<String, Object> props = jobs.getProperties();
            assertEquals(3, props.get("workers"));
        } finally {
            reg.unregister();
        }
    }

    private static Text field(Shell dialog, String key) {
        return Ui.find(dialog, w -> w instanceof Text && key.equals(w.getData("backbench.preference.field")))
                .stream().map(Text.class::cast).findFirst().orElse(null);
    }
}
