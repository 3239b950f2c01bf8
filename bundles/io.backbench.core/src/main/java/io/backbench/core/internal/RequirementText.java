package io.backbench.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a requirement (namespace + LDAP filter) into words for an administrator:
 * {@code (&(osgi.wiring.package=com.acme)(version>=1.0.0)(!(version>=2.0.0)))} becomes
 * {@code package com.acme (version [1,2))}. Free of a framework: unit-tested.
 */
final class RequirementText {
    private static final Pattern VERSION = Pattern.compile("(\\(!)?\\((?:bundle-)?version(>=|<=|=)([^)]*)\\)");

    private RequirementText() {
    }

    static String describe(String namespace, String filter) {
        String f = filter == null ? "" : filter;
        return switch (namespace) {
            case "osgi.wiring.package" -> "package " + value(f, namespace) + range(f);
            case "osgi.wiring.bundle" -> "bundle " + value(f, namespace) + range(f);
            case "osgi.wiring.host" -> "fragment host " + value(f, namespace) + range(f);
            case "osgi.ee" -> "execution environment " + value(f, namespace) + range(f);
            case "osgi.extender" -> "extender " + value(f, namespace) + range(f);
            case "osgi.service" -> "service " + value(f, "objectClass");
            default -> {
                String v = value(f, namespace);
                yield "capability " + namespace + (v.equals("?") ? " " + f : " " + v + range(f));
            }
        };
    }

    private static String value(String filter, String attribute) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(attribute) + "=([^)]*)\\)").matcher(filter);
        return m.find() ? m.group(1) : "?";
    }

    /** " (version [1,2))", " (version 1.2)" or "" when the filter has no version. */
    static String range(String filter) {
        String floor = null;
        String ceiling = null;
        boolean floorIncluded = true;
        boolean ceilingIncluded = false;
        String exact = null;
        Matcher m = VERSION.matcher(filter);
        while (m.find()) {
            boolean negated = m.group(1) != null;
            String op = m.group(2);
            String v = shortVersion(m.group(3));
            if (op.equals("=")) {
                exact = negated ? exact : v;
            } else if (op.equals(">=")) {
                if (negated) {
                    ceiling = v;
                    ceilingIncluded = false;
                } else {
                    floor = v;
                    floorIncluded = true;
                }
            } else if (negated) {
                floor = v;
                floorIncluded = false;
            } else {
                ceiling = v;
                ceilingIncluded = true;
            }
        }
        if (exact != null) {
            return " (version " + exact + ")";
        }
        if (floor == null && ceiling == null) {
            return "";
        }
        if (ceiling == null) {
            return floorIncluded ? " (version " + floor + " or later)" : " (version later than " + floor + ")";
        }
        return " (version " + (floorIncluded ? "[" : "(") + (floor == null ? "0" : floor) + ","
                + ceiling + (ceilingIncluded ? "]" : ")") + ")";
    }

    /** 1.0.0 -> 1, 1.2.0 -> 1.2, 1.2.3 stays. */
    static String shortVersion(String v) {
        String s = v.trim();
        while (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        return s;
    }
}
