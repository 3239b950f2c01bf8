package io.backbench.archtests.internal;

import java.util.ArrayList;
import java.util.List;

/** Applies a rule table to a set of bundles. */
final class Checker {

    /**
     * The outcome of a check.
     *
     * @param violations breaks that no exemption covers
     * @param unused     exemptions that covered nothing: the break they excused is gone
     */
    record Result(List<Violation> violations, List<Exemption> unused) {

        boolean passed() {
            return violations.isEmpty() && unused.isEmpty();
        }

        String report() {
            StringBuilder s = new StringBuilder();
            if (!violations.isEmpty()) {
                s.append(violations.size()).append(" dependency rule(s) broken:\n");
                violations.forEach(v -> s.append("  ").append(v.message()).append('\n'));
            }
            if (!unused.isEmpty()) {
                s.append("exemptions that no longer apply (delete them from ArchitectureRules.EXEMPTIONS):\n");
                unused.forEach(e -> s.append("  ").append(e).append('\n'));
            }
            return s.toString();
        }
    }

    private Checker() {
    }

    static Result check(List<BundleFacts> bundles, List<Rule> rules, List<Exemption> exemptions) {
        List<Violation> violations = new ArrayList<>();
        List<Exemption> unused = new ArrayList<>(exemptions);
        for (BundleFacts b : bundles) {
            for (Rule r : rules) {
                for (Violation v : r.check(b, bundles)) {
                    Exemption e = exemptions.stream().filter(x -> x.covers(v)).findFirst().orElse(null);
                    if (e == null) {
                        violations.add(v);
                    } else {
                        unused.remove(e);
                    }
                }
            }
        }
        return new Result(violations, unused);
    }
}
