package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.util.Locale;

import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;

/**
 * Turns sshd's exceptions into the SPI's. The server's answer to one request ({@link SftpException},
 * with an SFTP status code) is permanent; anything else (the session or channel closed, a timeout,
 * an EOF) means the connection failed, which is worth a retry on a fresh session.
 */
final class SftpErrors {

    /** What the failed call was doing; decides what a plain SSH_FX_FAILURE means. */
    enum Doing { LOOKUP, READ, WRITE, OTHER }

    private SftpErrors() {
    }

    /** Whether the status says that the path (or a folder on the way) does not exist. */
    static boolean isMissing(IOException e) {
        if (e instanceof SftpException se) {
            int s = se.getStatus();
            return s == SftpConstants.SSH_FX_NO_SUCH_FILE || s == SftpConstants.SSH_FX_NO_SUCH_PATH
                    || s == SftpConstants.SSH_FX_NOT_A_DIRECTORY;
        }
        return false;
    }

    /** Whether the connection itself failed (so the session must not be reused). */
    static boolean isConnectionFailure(IOException e) {
        return !(e instanceof SftpException);
    }

    /**
     * @param where  the target's description
     * @param action what was being done, e.g. {@code writing 'data/3f/3f9a'}
     * @param key    the object's key for {@link ObjectNotFoundException}, or null
     * @param path   the remote path concerned
     */
    static TargetException translate(String where, String action, String key, String path, Doing doing, IOException e) {
        if (e instanceof TargetException te) {
            return te;
        }
        if (!(e instanceof SftpException se)) {
            return TargetException.transientFailure(where + ": " + action + " failed: the connection broke ("
                    + rootMessage(e) + "); a new connection is made on the next attempt", e);
        }
        int status = se.getStatus();
        String server = " (server: " + SftpConstants.getStatusName(status)
                + (se.getMessage() == null || se.getMessage().isBlank() ? "" : ", \"" + se.getMessage() + "\"") + ")";
        if (isMissing(se) && key != null) {
            return new ObjectNotFoundException(where, key);
        }
        if (status == SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM || status == SftpConstants.SSH_FX_QUOTA_EXCEEDED
                || (doing == Doing.WRITE && (status == SftpConstants.SSH_FX_FAILURE && !looksUnrelatedToSpace(se)))
                || isNoSpaceText(se.getMessage())) {
            return new TargetFullException(where + " is full: " + action + " failed at " + path + server
                    + ". Nothing of that object was kept. Free space or raise the user's quota on the server (for"
                    + " example by applying a retention policy), then run again.", e);
        }
        if (status == SftpConstants.SSH_FX_PERMISSION_DENIED || status == SftpConstants.SSH_FX_WRITE_PROTECT) {
            return TargetException.permanentFailure(where + ": " + action + " failed at " + path + ": permission"
                    + " denied" + server + ". Give the SFTP user write access to that folder on the server, or choose"
                    + " another folder in '" + SftpSettings.PATH + "'.", e);
        }
        if (isMissing(se)) {
            return TargetException.permanentFailure(where + ": " + action + " failed: " + path + " does not exist"
                    + server + "; check '" + SftpSettings.PATH + "' or open the target with create=true", e);
        }
        if (status == SftpConstants.SSH_FX_CONNECTION_LOST || status == SftpConstants.SSH_FX_NO_CONNECTION) {
            return TargetException.transientFailure(where + ": " + action + " failed: the connection was lost" + server, e);
        }
        return TargetException.permanentFailure(where + ": " + action + " failed at " + path + server, e);
    }

    /** SSH_FX_FAILURE on a write is how SFTP version 3 servers (OpenSSH) report ENOSPC, unless the text says otherwise. */
    private static boolean looksUnrelatedToSpace(SftpException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return m.contains("permission") || m.contains("read-only") || m.contains("not a directory")
                || m.contains("is a directory");
    }

    private static boolean isNoSpaceText(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return m.contains("no space left") || m.contains("quota exceeded");
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return t == e ? m : e.getMessage() + " (" + t.getClass().getSimpleName() + ": " + m + ")";
    }
}
