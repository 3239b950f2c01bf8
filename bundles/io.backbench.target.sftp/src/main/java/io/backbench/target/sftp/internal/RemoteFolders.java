package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpException;

import io.backbench.target.api.ObjectInfo;
import io.backbench.target.api.TargetException;

/**
 * The folders under the target's root: objects live in nested folders as their keys say
 * ({@code data/3f/3f9a...}, as restic's layout has them). Folders known to exist are remembered so a
 * put costs no extra round trips; several threads and processes may create the same folder at once.
 */
final class RemoteFolders {
    static final String TEMP_PREFIX = ".tmp-";

    private final String where;
    private final String root;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /**
     * @param where the target's description, for messages
     * @param root  the canonical absolute path of the target's folder
     */
    RemoteFolders(String where, String root) {
        this.where = where;
        this.root = root;
        known.add(root);
    }

    String root() {
        return root;
    }

    /** The remote path of a key (or of a folder key such as {@code data/3f}). */
    String path(String key) {
        return key.isEmpty() ? root : root.equals("/") ? "/" + key : root + "/" + key;
    }

    /** Makes sure the folder {@code dir} (a path under the root) exists, creating what is missing. */
    void ensure(SftpClient sftp, String dir) throws IOException {
        if (known.contains(dir)) {
            return;
        }
        Deque<String> missing = new ArrayDeque<>();
        for (String d = dir; !known.contains(d) && d.length() > root.length(); d = d.substring(0, d.lastIndexOf('/'))) {
            missing.push(d);
        }
        while (!missing.isEmpty()) {
            String d = missing.pop();
            try {
                sftp.mkdir(d);
            } catch (SftpException e) {
                // someone else made it first, or it exists already: fine if it is a folder now
                SftpClient.Attributes a;
                try {
                    a = sftp.lstat(d);
                } catch (SftpException gone) {
                    throw e;
                }
                if (!a.isDirectory()) {
                    // not an SftpException: on a write, a plain failure status would read as "the target is full"
                    throw TargetException.permanentFailure(where + ": cannot create the folder " + d + ": a file of that"
                            + " name is there (an object's key cannot continue below another object's key); nothing"
                            + " was stored", e);
                }
            }
            known.add(d);
        }
    }

    /** Forgets what is known below the root, after the server said a folder is missing. */
    void forget(String dir) {
        known.removeIf(d -> d.startsWith(dir));
        known.add(root);
    }

    /**
     * Every object whose key starts with {@code prefix}, found by walking only the folders that can
     * hold such keys. Temporary files of puts in progress are never listed.
     */
    List<ObjectInfo> list(SftpClient sftp, String prefix) throws IOException {
        List<ObjectInfo> found = new ArrayList<>();
        int slash = prefix.lastIndexOf('/');
        String start = slash < 0 ? "" : prefix.substring(0, slash);
        try {
            if (!start.isEmpty() && !sftp.lstat(path(start)).isDirectory()) {
                return found;
            }
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return found;
            }
            throw e;
        }
        walk(sftp, start, prefix, found);
        return found;
    }

    private void walk(SftpClient sftp, String dirKey, String prefix, List<ObjectInfo> found) throws IOException {
        Iterable<SftpClient.DirEntry> entries;
        List<SftpClient.DirEntry> copy = new ArrayList<>();
        try {
            entries = sftp.readDir(path(dirKey));
            entries.forEach(copy::add);
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return; // deleted while we listed
            }
            throw e;
        }
        for (SftpClient.DirEntry entry : copy) {
            String name = entry.getFilename();
            if (name.equals(".") || name.equals("..") || name.startsWith(".tmp")) {
                continue;
            }
            String key = dirKey.isEmpty() ? name : dirKey + "/" + name;
            SftpClient.Attributes a = entry.getAttributes();
            if (a.isDirectory()) {
                String asFolder = key + "/";
                if (asFolder.startsWith(prefix) || prefix.startsWith(asFolder)) {
                    walk(sftp, key, prefix, found);
                }
            } else if (a.isRegularFile() && key.startsWith(prefix)) {
                found.add(new ObjectInfo(key, a.getSize(),
                        a.getModifyTime() == null ? Instant.EPOCH : a.getModifyTime().toInstant()));
            }
        }
    }
}
