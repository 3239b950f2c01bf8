package io.backbench.backup.internal.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * User and group names by id, looked up once per id from the first file that has it (the JDK has no
 * getpwuid, but resolves the owner of a file). Thread-safe.
 */
public final class Names {
    private static final String NONE = "\0";
    private final Map<Long, String> users = new ConcurrentHashMap<>();
    private final Map<Long, String> groups = new ConcurrentHashMap<>();

    /** The name of {@code uid}, or null if it has none; {@code sample} is a file owned by it. */
    public String user(long uid, Path sample) {
        String n = users.computeIfAbsent(uid, u -> lookup(sample, "unix:owner", uid));
        return n == null || n == NONE ? null : n;
    }

    public String group(long gid, Path sample) {
        String n = groups.computeIfAbsent(gid, g -> lookup(sample, "unix:group", gid));
        return n == null || n == NONE ? null : n;
    }

    private static String lookup(Path sample, String attribute, long id) {
        try {
            Object o = Files.getAttribute(sample, attribute, LinkOption.NOFOLLOW_LINKS);
            String name = o instanceof UserPrincipal u ? u.getName() : o instanceof GroupPrincipal g ? g.getName() : null;
            // the JDK gives the number itself when the id has no name
            return name == null || name.equals(Long.toString(id)) ? NONE : name;
        } catch (IOException | RuntimeException e) {
            return null; // not cached: the next file with this id tries again
        }
    }
}
