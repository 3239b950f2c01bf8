package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.CopyMode;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import io.backbench.target.api.TargetException;

/**
 * Writes one object so that it is never seen half-written: into {@code .tmp-<random>} beside the
 * final name, then renamed over it. With OpenSSH's {@code posix-rename@openssh.com} (and SFTP 5+
 * servers' overwrite flag) the rename replaces an existing object atomically; plain SFTP 3 servers
 * refuse to rename onto an existing name, so there the old object is removed first, leaving a
 * moment without it (never a partial one). A failure removes the temporary file. Runs on the
 * calling thread with its leased session.
 */
final class Uploader {
    private static final int BUFFER = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String where;
    private final RemoteFolders folders;

    Uploader(String where, RemoteFolders folders) {
        this.where = where;
        this.folders = folders;
    }

    /** Throws the caller's stream failures as TargetExceptions; server and connection failures as IOExceptions. */
    void put(SftpClient sftp, String key, InputStream data, long length) throws IOException {
        String file = folders.path(key);
        String dir = file.substring(0, file.lastIndexOf('/'));
        byte[] name = new byte[8];
        RANDOM.nextBytes(name);
        String temp = (dir.isEmpty() ? "" : dir) + "/" + RemoteFolders.TEMP_PREFIX + HexFormat.of().formatHex(name);
        folders.ensure(sftp, dir.isEmpty() ? "/" : dir);
        boolean renamed = false;
        try {
            try {
                copy(sftp, key, temp, data, length);
            } catch (SftpException e) {
                if (!SftpErrors.isMissing(e)) {
                    throw e;
                }
                // a folder we knew was deleted on the server: make it again, once
                folders.forget(dir);
                folders.ensure(sftp, dir);
                copy(sftp, key, temp, data, length);
            }
            try {
                rename(sftp, temp, file);
            } catch (SftpException e) {
                throw folderInTheWay(sftp, key, file, e);
            }
            renamed = true;
        } finally {
            if (!renamed) {
                removeQuietly(sftp, temp);
            }
        }
    }

    private void copy(SftpClient sftp, String key, String temp, InputStream data, long length) throws IOException {
        try (OutputStream out = sftp.write(temp, BUFFER, OpenMode.Write, OpenMode.Create, OpenMode.Exclusive)) {
            byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1, length))];
            long written = 0;
            while (written < length) {
                int n = readSource(key, data, buf, (int) Math.min(buf.length, length - written), written, length);
                out.write(buf, 0, n);
                written += n;
            }
        }
    }

    /** Reads from the caller's stream; its failures are the caller's, so they are told apart from the server's. */
    private int readSource(String key, InputStream data, byte[] buf, int max, long written, long length)
            throws TargetException {
        int n;
        try {
            n = data.read(buf, 0, max);
        } catch (IOException e) {
            boolean retryable = e instanceof TargetException te && te.isRetryable();
            throw new TargetException("reading the data for '" + key + "' failed after " + written + " of " + length
                    + " bytes; nothing was stored in " + where + ": " + e.getMessage(), e, retryable);
        }
        if (n < 0) {
            throw TargetException.permanentFailure("the data for '" + key + "' ended after " + written + " of "
                    + length + " bytes; nothing was stored in " + where, null);
        }
        return n;
    }

    private static void rename(SftpClient sftp, String temp, String file) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(temp, file);
            return;
        }
        try {
            sftp.rename(temp, file, CopyMode.Atomic, CopyMode.Overwrite);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_FAILURE && e.getStatus() != SftpConstants.SSH_FX_FILE_ALREADY_EXISTS
                    && e.getStatus() != SftpConstants.SSH_FX_OP_UNSUPPORTED) {
                throw e;
            }
            try {
                sftp.remove(file);
            } catch (SftpException missing) {
                if (!SftpErrors.isMissing(missing)) {
                    throw missing;
                }
            }
            sftp.rename(temp, file);
        }
    }

    /**
     * A rename refused because the key's name is a folder (of longer keys) is a key conflict, not
     * the "target full" that a plain failure status of a write would otherwise be taken for.
     */
    private IOException folderInTheWay(SftpClient sftp, String key, String file, SftpException e) {
        try {
            if (sftp.lstat(file).isDirectory()) {
                return TargetException.permanentFailure(where + ": cannot store '" + key + "': " + file + " is a folder"
                        + " holding the objects whose keys start with '" + key + "/' (a key cannot also be the start of"
                        + " other keys); nothing was stored", e);
            }
        } catch (IOException | RuntimeException lookup) {
            // the rename's own failure is the one to report
        }
        return e;
    }

    private static void removeQuietly(SftpClient sftp, String temp) {
        try {
            sftp.remove(temp);
        } catch (IOException | RuntimeException e) {
            // The put already failed with the real reason; a leftover .tmp- file is never listed or read.
        }
    }
}
