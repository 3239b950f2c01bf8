package io.backbench.archtests.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule table on made-up bundles: each rule fires on the break it is for, and only on it. */
class RulesTest {
    private static final BundleFacts TARGET_API = BundleFacts.of("io.backbench.target.api", List.of("java.util"),
            List.of("io.backbench.target.api"), List.of());
    private static final BundleFacts DISK = BundleFacts.of("io.backbench.target.disk",
            List.of("io.backbench.target.api", "java.nio.file"), List.of(), List.of("io.backbench.target.disk.internal"));
    private static final BundleFacts S3 = BundleFacts.of("io.backbench.target.s3",
            List.of("io.backbench.target.api", "io.backbench.target.decorators"), List.of("io.backbench.target.decorators"),
            List.of("io.backbench.target.s3.internal"));
    private static final BundleFacts REPOSITORY = BundleFacts.of("io.backbench.repository",
            List.of("io.backbench.target.api", "java.util"), List.of("io.backbench.repository.api"),
            List.of("io.backbench.repository.internal"));

    @TempDir
    Path dir;

    private static List<Violation> check(BundleFacts... bundles) {
        List<BundleFacts> all = new ArrayList<>(List.of(TARGET_API, DISK, S3, REPOSITORY));
        all.addAll(List.of(bundles));
        Checker.Result result = Checker.check(all, ArchitectureRules.RULES, List.of());
        assertTrue(result.unused().isEmpty());
        return result.violations();
    }

    private static void assertBreaks(String rule, String message, BundleFacts bundle) {
        List<Violation> found = check(bundle);
        assertTrue(found.stream().anyMatch(v -> v.ruleId().equals(rule) && v.message().equals(message)),
                "expected '" + message + "' among " + found);
    }

    @Test
    void aWellBehavedSetOfBundlesPasses() {
        BundleFacts workbench = BundleFacts.of("io.backbench.ui.workbench",
                List.of("io.backbench.repository.api", "io.backbench.target.api", "org.eclipse.swt.widgets", "org.eclipse.jface.viewers"),
                List.of(), List.of("io.backbench.ui.workbench.internal"));
        assertEquals(List.of(), check(workbench));
    }

    @Test
    void anEngineImportingSwtBreaksTheHeadlessRule() {
        BundleFacts backup = BundleFacts.of("io.backbench.backup", List.of("org.eclipse.swt.widgets"), List.of(), List.of());
        assertBreaks("engines-never-import-the-ui", "io.backbench.backup imports org.eclipse.swt.widgets: breaks rule "
                + "'engines-never-import-the-ui' (engines, core and CLI run headless; the UI depends on them, never the reverse)",
                backup);
    }

    @Test
    void anEngineImportingAUiApiBreaksTheHeadlessRule() {
        BundleFacts jobs = BundleFacts.of("io.backbench.jobs", List.of("io.backbench.ui.api"), List.of(), List.of());
        assertBreaks("engines-never-import-the-ui", "io.backbench.jobs imports io.backbench.ui.api: breaks rule "
                + "'engines-never-import-the-ui' (engines, core and CLI run headless; the UI depends on them, never the reverse)",
                jobs);
    }

    @Test
    void theUiImportingAnEngineInternalPackageBreaksTheUiRule() {
        BundleFacts view = BundleFacts.of("io.backbench.ui.backups", List.of("io.backbench.repository.internal"), List.of(), List.of());
        assertBreaks("ui-never-imports-engine-internals", "io.backbench.ui.backups imports io.backbench.repository.internal: "
                + "breaks rule 'ui-never-imports-engine-internals' (UI bundles reach engines through the packages they "
                + "export, never their implementation)", view);
    }

    @Test
    void theUiMayImportWhatAnEngineExports() {
        BundleFacts jobs = BundleFacts.of("io.backbench.jobs", List.of(), List.of("io.backbench.jobs.scheduler"),
                List.of("io.backbench.jobs.internal"));
        BundleFacts view = BundleFacts.of("io.backbench.ui.monitor", List.of("io.backbench.jobs.scheduler"), List.of(), List.of());
        assertEquals(List.of(), check(jobs, view));
    }

    @Test
    void importingATargetImplementationByNameOrByWhatItExportsIsABreak() {
        BundleFacts byName = BundleFacts.of("io.backbench.backup", List.of("io.backbench.target.disk"), List.of(), List.of());
        assertTrue(check(byName).stream().anyMatch(v -> v.ruleId().equals("nothing-imports-a-target-implementation")
                && v.pkg().equals("io.backbench.target.disk")), check(byName).toString());

        BundleFacts byExport = BundleFacts.of("io.backbench.jobs", List.of("io.backbench.target.decorators"), List.of(), List.of());
        assertBreaks("nothing-imports-what-a-target-exports", "io.backbench.jobs imports io.backbench.target.decorators "
                + "(exported by io.backbench.target.s3): breaks rule 'nothing-imports-what-a-target-exports' "
                + "(a target implementation's packages are its own, whatever their name)", byExport);
    }

    @Test
    void aTargetsOwnApiPackageMayBeImplementedElsewhereButNothingElseItExports() {
        BundleFacts tape = BundleFacts.of("io.backbench.target.tape", List.of("io.backbench.target.api"),
                List.of("io.backbench.target.tape.api", "io.backbench.target.tape.util"), List.of("io.backbench.target.tape.internal"));
        BundleFacts ui = BundleFacts.of("io.backbench.ui.workbench", List.of("io.backbench.target.tape.api"), List.of(), List.of());
        assertEquals(List.of(), check(tape, ui));

        BundleFacts other = BundleFacts.of("io.backbench.ui.workbench", List.of("io.backbench.target.tape.util"), List.of(), List.of());
        List<String> rules = check(tape, other).stream().map(Violation::ruleId).toList();
        assertEquals(List.of("nothing-imports-a-target-implementation", "nothing-imports-what-a-target-exports"), rules);
    }

    @Test
    void anotherBundlesInternalPackageMayNotBeImportedExportedOrEmbedded() {
        BundleFacts imports = BundleFacts.of("io.backbench.backup", List.of("io.backbench.repository.internal"), List.of(), List.of());
        assertBreaks("internals-stay-home", "io.backbench.backup imports io.backbench.repository.internal: breaks rule "
                + "'internals-stay-home' (an *.internal package belongs to its bundle: never exported, imported or copied "
                + "elsewhere)", imports);

        BundleFacts exports = BundleFacts.of("io.backbench.catalog", List.of(), List.of("io.backbench.catalog.internal"), List.of());
        assertTrue(check(exports).stream().anyMatch(v -> v.relation().equals("exports")), check(exports).toString());

        BundleFacts embeds = BundleFacts.of("io.backbench.imaging", List.of(), List.of(), List.of("io.backbench.discovery.internal.fs"));
        assertTrue(check(embeds).stream().anyMatch(v -> v.relation().equals("contains")
                && v.pkg().equals("io.backbench.discovery.internal.fs")), check(embeds).toString());
    }

    @Test
    void aThirdPartyInternalPackageMayNotBeImported() {
        BundleFacts ui = BundleFacts.of("io.backbench.ui.workbench", List.of("org.eclipse.swt.internal.gtk"), List.of(), List.of());
        assertTrue(check(ui).stream().anyMatch(v -> v.ruleId().equals("no-third-party-internals")), check(ui).toString());
    }

    @Test
    void anApiBundleImportingAnImplementationOrSwtBreaksTheApiRule() {
        BundleFacts api = BundleFacts.of("io.backbench.jobs.api", List.of("java.time", "io.backbench.core.internal",
                "org.eclipse.swt.widgets", "com.acme.util"), List.of("io.backbench.jobs.api"), List.of());
        List<String> packages = check(api).stream().filter(v -> v.ruleId().equals("apis-import-only-apis"))
                .map(Violation::pkg).toList();
        assertEquals(List.of("io.backbench.core.internal", "org.eclipse.swt.widgets", "com.acme.util"), packages);

        BundleFacts uiApi = BundleFacts.of("io.backbench.ui.api", List.of("org.eclipse.swt.widgets", "org.eclipse.jface.viewers"),
                List.of("io.backbench.ui.api"), List.of());
        assertEquals(List.of("org.eclipse.jface.viewers"), check(uiApi).stream().map(Violation::pkg).toList());
    }

    @Test
    void aBundleMayImportWhatItExportsItself() {
        BundleFacts memory = BundleFacts.of("io.backbench.target.memory", List.of("io.backbench.target.memory"),
                List.of("io.backbench.target.memory"), List.of());
        assertEquals(List.of(), check(memory));
    }

    @Test
    void anExemptionExcusesItsBreakAndFailsOnceTheBreakIsGone() {
        BundleFacts imaging = BundleFacts.of("io.backbench.imaging", List.of(), List.of(), List.of("io.backbench.discovery.internal.fs"));
        Exemption e = new Exemption("internals-stay-home", "io.backbench.imaging", "contains",
                Pattern.compile("io\\.backbench\\.discovery\\.internal\\..+"), "a private copy");

        assertTrue(Checker.check(List.of(imaging), ArchitectureRules.RULES, List.of(e)).passed());

        BundleFacts fixed = BundleFacts.of("io.backbench.imaging", List.of("io.backbench.discovery.api"), List.of(), List.of());
        Checker.Result result = Checker.check(List.of(fixed), ArchitectureRules.RULES, List.of(e));
        assertFalse(result.passed());
        assertEquals(List.of(e), result.unused());
        assertTrue(result.report().contains("no longer apply"), result.report());
    }

    @Test
    void readsTheFactsFromABuiltJar() throws Exception {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", "com.acme.foo;singleton:=true");
        a.putValue("Import-Package", "io.backbench.target.api;version=\"[1.0,2)\",org.eclipse.swt.widgets");
        a.putValue("Export-Package", "com.acme.foo.api;version=\"1.0.0\"");
        Path jar = dir.resolve("foo.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String entry : List.of("com/acme/foo/api/Foo.class", "com/acme/foo/internal/Impl.class",
                    "com/acme/foo/internal/", "lib/embedded.jar", "OSGI-OPT/src/x/Y.class")) {
                j.putNextEntry(new ZipEntry(entry));
                j.closeEntry();
            }
        }
        BundleFacts facts = BundleFacts.read(jar);
        assertEquals("com.acme.foo", facts.symbolicName());
        assertEquals(List.of("io.backbench.target.api", "org.eclipse.swt.widgets"), facts.imports());
        assertEquals(List.of("com.acme.foo.api"), facts.exports());
        assertEquals(java.util.Set.of("com.acme.foo.api", "com.acme.foo.internal"), facts.contains());
    }
}
