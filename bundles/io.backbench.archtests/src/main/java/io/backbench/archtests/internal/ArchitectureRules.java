package io.backbench.archtests.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The dependency directions of Backbench (STYLE.md item 8), as a table. A new rule is a new row; a
 * bundle name or package pattern is a regular expression that must match the whole name.
 */
final class ArchitectureRules {

    /** Engines: they run headless on servers. Target implementations count as engines. */
    static final String ENGINES = "io\\.backbench\\.(repository|backup|imaging|discovery|catalog|jobs|target\\..+)";
    /** Headless bundles: the engines, the core, the command line and the non-UI APIs. */
    static final String HEADLESS = "(" + ENGINES + "|io\\.backbench\\.(core|cli|device\\.api|jobs\\.api))";
    static final String UI_PACKAGES = "(org\\.eclipse\\.(swt|jface)|io\\.backbench\\.ui)(\\..+)?";
    /** API packages: a name ending in ".api" (io.backbench.target.api, io.backbench.cli.api, ...). */
    static final String API_PACKAGES = "io\\.backbench\\.(.+\\.)?api";
    /** Target implementations: every io.backbench.target.* bundle but the SPI and its conformance kit. */
    static final String TARGET_IMPLEMENTATIONS = "io\\.backbench\\.target\\.(?!api$|tck$).+";
    static final String PLATFORM_PACKAGES = "(java|javax|org\\.osgi)\\..+";
    /**
     * A target's own API (io.backbench.target.tape.api: the tape target's VolumeOperator): what the
     * target asks of others, published for them to implement. Importing it names no implementation,
     * so the two target rules below let it through.
     */
    static final String TARGET_OWN_API = "io\\.backbench\\.target\\.[a-z0-9]+\\.api";

    static final List<Rule> RULES = List.of(
            Rule.mustNotImport("engines-never-import-the-ui",
                    "engines, core and CLI run headless; the UI depends on them, never the reverse",
                    HEADLESS, UI_PACKAGES),
            // what an engine exports (with @Export) is its API, whatever the package is called
            Rule.mustNotImport("ui-never-imports-engine-internals",
                    "UI bundles reach engines through the packages they export, never their implementation",
                    "io\\.backbench\\.ui\\..+", "(" + ENGINES + "|io\\.backbench\\.core)(\\..+)?\\.internal(\\..+)?"),
            Rule.mustNotImport("nothing-imports-a-target-implementation",
                    "targets are found as TargetFactory services; nobody names an implementation",
                    "io\\.backbench\\..+", "io\\.backbench\\.target\\.(?!api$|api\\.|tck$|tck\\.)(?![a-z0-9]+\\.api$).+"),
            Rule.nobodyImportsWhatTheyExport("nothing-imports-what-a-target-exports",
                    "a target implementation's packages are its own, whatever their name",
                    ".+", TARGET_IMPLEMENTATIONS, TARGET_OWN_API),
            Rule.internalsStayHome("internals-stay-home",
                    "an *.internal package belongs to its bundle: never exported, imported or copied elsewhere",
                    ".+", "io\\.backbench\\.(.+\\.)?internal(\\..+)?"),
            Rule.mustNotImport("no-third-party-internals",
                    "another project's internal packages may change in any release",
                    "io\\.backbench\\..+", "(.+\\.)?internal(\\..+)?"),
            Rule.mayImportOnly("apis-import-only-apis",
                    "an API bundle is a contract: it may rest on the platform and other APIs only",
                    "io\\.backbench\\.(?!ui\\.)(.+\\.)?api", ".+", PLATFORM_PACKAGES + "|" + API_PACKAGES),
            Rule.mayImportOnly("ui-api-imports-only-apis-and-swt",
                    "the workbench contribution API is the UI's contract: the platform, other APIs and SWT",
                    "io\\.backbench\\.ui\\.api", ".+",
                    PLATFORM_PACKAGES + "|" + API_PACKAGES + "|org\\.eclipse\\.swt(\\..+)?"));

    /**
     * Known breaks, each with its reason; the check fails when one no longer occurs (then delete the row).
     * Keep this short: a row here is a debt, not a permission.
     */
    static final List<Exemption> EXEMPTIONS = List.of(
            new Exemption("engines-never-import-the-ui", "io.backbench.target.sftp", "imports",
                    Pattern.compile("(org\\.eclipse\\.(swt|jface)|io\\.backbench\\.ui)(\\..+)?"),
                    "the SFTP site plugin is one jar with its own settings page: it imports SWT, JFace and ui.api with "
                            + "resolution:=optional and enables the page only when they are wired (UiPresence), so it "
                            + "resolves and works headless (SftpBundleInFelixIT proves both)"));

    private ArchitectureRules() {
    }
}
