package io.backbench.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.osgi.framework.Constants;

/** The framework properties of the runtime contract (see notes/common.md and features/README.md). */
final class FrameworkConfig {

    private FrameworkConfig() {
    }

    static Map<String, Object> build(HomeFolder home, LaunchOptions.Mode mode, Path productDir, Path storage,
                                     String version) {
        Map<String, Object> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the plugin manager installs a probe copy of a jar to check that it resolves
        p.put(Constants.FRAMEWORK_BSNVERSION, Constants.FRAMEWORK_BSNVERSION_MULTIPLE);

        p.put("backbench.home", home.home().toString());
        p.put("backbench.mode", mode.property());
        p.put("backbench.product.dir", productDir.toString());
        p.put("backbench.version", version);

        p.put("felix.cm.dir", home.configAdmin().toString());
        p.put("felix.fileinstall.dir", home.plugins().toString());
        p.put("felix.fileinstall.poll", "1000");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.log.level", "2");

        // framework and SCR messages: warnings and errors only, and never on stdout (CLI output is parsed)
        p.put("felix.log.level", "2");
        p.put("felix.log.logger", new StderrLogger());
        p.put("ds.loglevel", "warn");
        return p;
    }
}
