package io.backbench.archtests.internal;

/**
 * One broken rule: {@code bundle} {@code relation} {@code pkg} ("imports", "exports", "contains").
 */
record Violation(String ruleId, String because, String bundle, String relation, String pkg) {

    String message() {
        return bundle + " " + relation + " " + pkg + ": breaks rule '" + ruleId + "' (" + because + ")";
    }

    @Override
    public String toString() {
        return message();
    }
}
