package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;

import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;

import io.backbench.target.api.ObjectNotFoundException;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFullException;
import io.backbench.target.sftp.internal.SftpErrors.Doing;

/**
 * The server's status codes mapped to the SPI's exceptions. Permission denied cannot be produced for
 * real here (the tests run as root, whom no folder refuses), so these are sshd's own exception
 * objects as its client throws them; disk full and dropped connections are also tested for real
 * (SftpDiskFullTest, SftpConnectionFaultTest).
 */
class SftpErrorsTest {
    private static TargetException map(Doing doing, String key, Exception e) {
        return SftpErrors.translate("sftp:backup@host:22/repo", "writing 'data/ab/abc'", key, "/repo/data/ab/abc",
                doing, (java.io.IOException) e);
    }

    @Test
    void permissionDeniedIsPermanentAndSaysWhatToDo() {
        TargetException e = map(Doing.WRITE, null, new SftpException(SftpConstants.SSH_FX_PERMISSION_DENIED, "Permission denied"));
        assertFalse(e.isRetryable());
        assertFalse(e instanceof TargetFullException);
        assertTrue(e.getMessage().contains("permission denied") && e.getMessage().contains("write access")
                && e.getMessage().contains("/repo/data/ab/abc"), e.getMessage());
    }

    @Test
    void noSpaceAndQuotaAreTargetFull() {
        for (int status : new int[] {SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, SftpConstants.SSH_FX_QUOTA_EXCEEDED}) {
            TargetException e = map(Doing.WRITE, null, new SftpException(status, "full"));
            assertInstanceOf(TargetFullException.class, e);
            assertFalse(e.isRetryable());
        }
    }

    @Test
    void aPlainFailureOnWriteIsTargetFullAsSftp3ServersReportEnospc() {
        assertInstanceOf(TargetFullException.class, map(Doing.WRITE, null, new SftpException(SftpConstants.SSH_FX_FAILURE, "Failure")));
        TargetException other = map(Doing.OTHER, null, new SftpException(SftpConstants.SSH_FX_FAILURE, "Failure"));
        assertFalse(other instanceof TargetFullException);
        assertFalse(other.isRetryable());
    }

    @Test
    void noSuchFileIsObjectNotFoundForAKey() {
        TargetException e = map(Doing.READ, "data/ab/abc", new SftpException(SftpConstants.SSH_FX_NO_SUCH_FILE, "No such file"));
        assertInstanceOf(ObjectNotFoundException.class, e);
        assertEquals("data/ab/abc", ((ObjectNotFoundException) e).key());
    }

    @Test
    void aBrokenConnectionIsRetryable() {
        assertTrue(map(Doing.READ, null, new SshException("Channel is being closed")).isRetryable());
        assertTrue(map(Doing.WRITE, null, new EOFException("EOF while reading packet")).isRetryable());
        assertTrue(map(Doing.OTHER, null, new SftpException(SftpConstants.SSH_FX_CONNECTION_LOST, "lost")).isRetryable());
    }
}
