package io.backbench.target.api;

/** The rules for object keys, in one place for every target. */
public final class Keys {
    private Keys() {
    }

    /**
     * Returns {@code key} if it is valid (see {@link StorageTarget}), else throws
     * {@link IllegalArgumentException} naming what is wrong.
     */
    public static String check(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("object key is empty");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("object key has an empty, '.' or '..' segment: " + key);
            }
            if (segment.startsWith(".tmp")) {
                throw new IllegalArgumentException("object key segments starting with .tmp are reserved: " + key);
            }
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '.' || c == '_' || c == '-';
                if (!ok) {
                    throw new IllegalArgumentException("object key has character '" + c + "' outside [A-Za-z0-9._-]: " + key);
                }
            }
        }
        return key;
    }

    /** Checks a listing prefix: empty, or a key prefix (it may end with {@code /}). */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("prefix is null");
        }
        if (prefix.isEmpty()) {
            return prefix;
        }
        check(prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix);
        return prefix;
    }
}
