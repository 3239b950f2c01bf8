package io.backbench.archtests.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of the rule table: which bundles it binds ({@code bundles}, a regular expression on the
 * symbolic name), what it forbids, and why. The kinds of rule are the static factories.
 */
record Rule(String id, String because, Pattern bundles, Check check) {

    /** Finds what one bundle does wrong; {@code all} is every bundle under check. */
    @FunctionalInterface
    interface Check {
        List<Violation> check(Rule rule, BundleFacts bundle, List<BundleFacts> all);
    }

    List<Violation> check(BundleFacts bundle, List<BundleFacts> all) {
        return bundles.matcher(bundle.symbolicName()).matches() ? check.check(this, bundle, all) : List.of();
    }

    Violation violation(BundleFacts bundle, String relation, String pkg) {
        return new Violation(id, because, bundle.symbolicName(), relation, pkg);
    }

    /** The bundles may not import any package matching {@code forbidden} (that they do not export themselves). */
    static Rule mustNotImport(String id, String because, String bundles, String forbidden) {
        Pattern packages = Pattern.compile(forbidden);
        return new Rule(id, because, Pattern.compile(bundles), (rule, b, all) -> {
            List<Violation> found = new ArrayList<>();
            for (String p : b.imports()) {
                if (packages.matcher(p).matches() && !b.exportsItself(p)) {
                    found.add(rule.violation(b, "imports", p));
                }
            }
            return found;
        });
    }

    /**
     * Of the packages matching {@code scope}, the bundles may import only those matching
     * {@code allowed} (or their own exports).
     */
    static Rule mayImportOnly(String id, String because, String bundles, String scope, String allowed) {
        Pattern in = Pattern.compile(scope);
        Pattern ok = Pattern.compile(allowed);
        return new Rule(id, because, Pattern.compile(bundles), (rule, b, all) -> {
            List<Violation> found = new ArrayList<>();
            for (String p : b.imports()) {
                if (in.matcher(p).matches() && !ok.matcher(p).matches() && !b.exportsItself(p)) {
                    found.add(rule.violation(b, "imports", p));
                }
            }
            return found;
        });
    }

    /**
     * Packages exported by bundles matching {@code exporters} may be imported by nobody but their
     * exporter (the rule's {@code bundles} are the importers it binds).
     */
    static Rule nobodyImportsWhatTheyExport(String id, String because, String importers, String exporters) {
        return nobodyImportsWhatTheyExport(id, because, importers, exporters, "(?!)");
    }

    /** {@link #nobodyImportsWhatTheyExport(String, String, String, String)}, but for the packages matching {@code except}. */
    static Rule nobodyImportsWhatTheyExport(String id, String because, String importers, String exporters, String except) {
        Pattern exporting = Pattern.compile(exporters);
        Pattern excepted = Pattern.compile(except);
        return new Rule(id, because, Pattern.compile(importers), (rule, b, all) -> {
            List<Violation> found = new ArrayList<>();
            for (BundleFacts exporter : all) {
                if (!exporting.matcher(exporter.symbolicName()).matches() || exporter.symbolicName().equals(b.symbolicName())) {
                    continue;
                }
                for (String p : b.imports()) {
                    if (exporter.exports().contains(p) && !b.exportsItself(p) && !excepted.matcher(p).matches()) {
                        found.add(rule.violation(b, "imports", p + " (exported by " + exporter.symbolicName() + ")"));
                    }
                }
            }
            return found;
        });
    }

    /**
     * Packages matching {@code internal} are private to the bundle they belong to (whose symbolic
     * name starts their name): nobody else imports or embeds them, and nobody exports them.
     */
    static Rule internalsStayHome(String id, String because, String bundles, String internal) {
        Pattern internals = Pattern.compile(internal);
        return new Rule(id, because, Pattern.compile(bundles), (rule, b, all) -> {
            List<Violation> found = new ArrayList<>();
            for (String p : b.exports()) {
                if (internals.matcher(p).matches()) {
                    found.add(rule.violation(b, "exports", p));
                }
            }
            for (String p : b.imports()) {
                if (internals.matcher(p).matches() && !b.exportsItself(p)) {
                    found.add(rule.violation(b, "imports", p));
                }
            }
            for (String p : b.contains()) {
                if (internals.matcher(p).matches() && !p.startsWith(b.symbolicName() + ".")) {
                    found.add(rule.violation(b, "contains", p));
                }
            }
            return found;
        });
    }
}
