package io.backbench.report.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;

import io.backbench.catalog.api.Catalog;
import io.backbench.catalog.api.JobDefinition;
import io.backbench.catalog.api.NewRun;
import io.backbench.catalog.api.Run;
import io.backbench.catalog.api.RunMetrics;
import io.backbench.catalog.api.RunStatus;
import io.backbench.cli.api.Command;
import io.backbench.cli.api.CommandLine;
import io.backbench.core.api.PluginManager;

/**
 * The same plugin jar in the headless product (no workbench, no SWT): it installs, resolves without
 * its optional UI imports, and {@code backbench report monthly} works through the real command line.
 * Runs only in report-headless.bndrun.
 */
class HeadlessReportIT {
    static final BundleContext CONTEXT = FrameworkUtil.getBundle(HeadlessReportIT.class).getBundleContext();

    static <T> T service(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> t = new ServiceTracker<>(CONTEXT, type, null);
        t.open();
        T s = t.waitForService(30_000);
        assertNotNull(s, "no " + type.getName() + " service within 30 s");
        return s;
    }

    static void waitUntil(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "waited 30 s for " + what);
            Thread.sleep(100);
        }
    }

    static Bundle report() {
        for (Bundle b : CONTEXT.getBundles()) {
            if (MonthlyReportIT.BUNDLE.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    @Test
    void thePluginResolvesWithoutTheWorkbenchAndPrintsTheReportOnTheCommandLine() throws Exception {
        assertEquals("headless", CONTEXT.getProperty("backbench.mode"));
        for (Bundle b : CONTEXT.getBundles()) {
            assertTrue(!b.getSymbolicName().startsWith("org.eclipse.swt") && !b.getSymbolicName().startsWith("io.backbench.ui."),
                    "a headless framework has no " + b.getSymbolicName());
        }
        PluginManager plugins = service(PluginManager.class);
        Files.writeString(plugins.pluginFolder().resolve(PluginManager.PREFERENCES_PID + ".cfg"), "allowUntrusted=true\n");
        waitUntil("unsigned plugins to be allowed", plugins::allowsUntrusted);
        plugins.install(Path.of(CONTEXT.getProperty("backbench.uitests.plugin")));
        waitUntil("the report plugin to start", () -> report() != null && report().getState() == Bundle.ACTIVE);
        List<BundleWire> wires = report().adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package");
        assertTrue(wires.stream().noneMatch(w -> String.valueOf(w.getCapability().getAttributes().get("osgi.wiring.package"))
                .startsWith("org.eclipse")), "no UI package wired: " + wires);
        waitUntil("the report command", () -> {
            try {
                return !CONTEXT.getServiceReferences(Command.class, "(" + Command.NAME_PROPERTY + "=report)").isEmpty();
            } catch (org.osgi.framework.InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
        ServiceReference<?>[] registered = report().getRegisteredServices();
        assertNotNull(registered, "the plugin registers its command");

        Catalog catalog = service(Catalog.class);
        JobDefinition job = catalog.saveJob(JobDefinition.of("Web server", "backup", "/srv/backup/web", List.of("/var/www")));
        YearMonth last = YearMonth.now(ZoneId.systemDefault()).minusMonths(1);
        Instant start = last.atDay(10).atTime(3, 0).atZone(ZoneId.systemDefault()).toInstant();
        Run r = catalog.startRun(new NewRun(job.id(), job.name(), job.kind(), job.repository(), start));
        catalog.finishRun(r.id(), RunStatus.SUCCEEDED, start.plusSeconds(300), new RunMetrics(2048, 1024, 512, 256, 3, 2, 0, null, 0, ""), "");

        Path html = Path.of(CONTEXT.getProperty("backbench.uitests.data")).resolve("headless.html");
        Files.createDirectories(html.getParent());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = service(CommandLine.class).run(new String[] {"report", "monthly", "--json", "--html", html.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String json = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(json.startsWith("{\"month\":\"" + last + "\""), json);
        assertTrue(json.contains("{\"name\":\"Web server\",\"kind\":\"backup\",\"rpo_seconds\":null,\"runs\":1,\"succeeded\":1,"), json);
        assertTrue(Files.readString(html).contains("<td class=\"l\">Web server</td>"));
    }
}
