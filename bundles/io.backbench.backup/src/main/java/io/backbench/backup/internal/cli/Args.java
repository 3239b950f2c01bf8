package io.backbench.backup.internal.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: options with a value ({@code --x v}, {@code --x=v}, repeatable), flags, and
 * positional arguments ({@code --} ends the options). Unknown options are an error naming them.
 */
final class Args {
    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    /** Thrown for a usage error; the message says which argument. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** {@code withValue} and {@code flagNames} list every accepted spelling, e.g. {@code -r}, {@code --repo}. */
    static Args parse(List<String> args, Set<String> withValue, Set<String> flagNames) throws UsageException {
        Args a = new Args();
        boolean options = true;
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (options && s.equals("--")) {
                options = false;
            } else if (options && s.startsWith("-") && s.length() > 1) {
                String name = s;
                String value = null;
                int eq = s.indexOf('=');
                if (s.startsWith("--") && eq > 0) {
                    name = s.substring(0, eq);
                    value = s.substring(eq + 1);
                }
                if (withValue.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option " + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    a.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else if (flagNames.contains(name) && value == null) {
                    a.flags.add(name);
                } else {
                    throw new UsageException("unknown option '" + s + "'");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    /** The last value given for any of the spellings, or null. */
    String value(String... names) {
        String v = null;
        for (String n : names) {
            List<String> l = values.get(n);
            if (l != null) {
                v = l.get(l.size() - 1);
            }
        }
        return v;
    }

    List<String> all(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(values.getOrDefault(n, List.of()));
        }
        return out;
    }

    /** Every option and flag given, by the spelling used. */
    java.util.Set<String> given() {
        java.util.Set<String> out = new java.util.TreeSet<>(values.keySet());
        out.addAll(flags);
        return out;
    }

    /** A non-negative whole number option, or {@code otherwise} when not given. */
    int count(String name, int otherwise) throws UsageException {
        String v = value(name);
        if (v == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(name + " needs a whole number of 0 or more, got '" + v + "'");
    }

    boolean flag(String... names) {
        for (String n : names) {
            if (flags.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
