package io.backbench.archtests.internal;

import java.util.regex.Pattern;

/** A known break of a rule, tolerated for the stated reason until it is fixed. */
record Exemption(String ruleId, String bundle, String relation, Pattern packages, String reason) {

    boolean covers(Violation v) {
        return v.ruleId().equals(ruleId) && v.bundle().equals(bundle) && v.relation().equals(relation)
                && packages.matcher(v.pkg()).matches();
    }

    @Override
    public String toString() {
        return "rule '" + ruleId + "', " + bundle + " " + relation + " " + packages.pattern() + " (" + reason + ")";
    }
}
