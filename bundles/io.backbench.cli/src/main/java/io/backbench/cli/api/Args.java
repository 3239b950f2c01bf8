package io.backbench.cli.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments, parsed as the restic-style commands take them: options with a value
 * ({@code --x v}, {@code --x=v}, repeatable), flags, and positional arguments ({@code --} ends the
 * options). An unknown option or a missing value is a {@link UsageException} naming it, for
 * {@link CommandContext#usageError}. Not thread-safe; one per command call.
 */
public final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> values = new HashMap<>();
    private final List<String> flags = new ArrayList<>();

    private Args() {
    }

    /** The arguments that are not options, in order. */
    public List<String> positional() {
        return positional;
    }

    /** Thrown for a usage error; the message says which argument. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** {@code withValue} and {@code flagNames} list every accepted spelling, e.g. {@code -r}, {@code --repo}. */
    public static Args parse(List<String> args, Set<String> withValue, Set<String> flagNames) throws UsageException {
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
    public String value(String... names) {
        String v = null;
        for (String n : names) {
            List<String> l = values.get(n);
            if (l != null) {
                v = l.get(l.size() - 1);
            }
        }
        return v;
    }

    /** Every value given for any of the spellings, in order. */
    public List<String> all(String... names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.addAll(values.getOrDefault(n, List.of()));
        }
        return out;
    }

    /** Every option and flag given, by the spelling used. */
    public java.util.Set<String> given() {
        java.util.Set<String> out = new java.util.TreeSet<>(values.keySet());
        out.addAll(flags);
        return out;
    }

    /** A non-negative whole number option, or {@code otherwise} when not given. */
    public int count(String name, int otherwise) throws UsageException {
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

    /** Whether any of the spellings was given. */
    public boolean flag(String... names) {
        for (String n : names) {
            if (flags.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
