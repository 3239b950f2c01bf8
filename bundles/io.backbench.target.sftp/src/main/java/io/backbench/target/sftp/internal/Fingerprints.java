package io.backbench.target.sftp.internal;

import java.security.PublicKey;
import java.util.regex.Pattern;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

import io.backbench.target.api.TargetException;

/** Host key fingerprints as OpenSSH prints them ({@code ssh-keygen -lf}): {@code SHA256:} and unpadded base64. */
final class Fingerprints {
    private static final Pattern SHA256 = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");

    private Fingerprints() {
    }

    /** The fingerprint of a server's host key. */
    static String of(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The key's SSH type name, e.g. {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    static String type(PublicKey key) {
        String t = KeyUtils.getKeyType(key);
        return t == null ? key.getAlgorithm() : t;
    }

    /** Checks a fingerprint an administrator entered; drops base64 padding, which OpenSSH never prints. */
    static String normalise(String value) throws TargetException {
        String v = value.trim();
        while (v.endsWith("=")) {
            v = v.substring(0, v.length() - 1);
        }
        if (!SHA256.matcher(v).matches()) {
            throw TargetException.permanentFailure("setting '" + SftpSettings.HOST_KEY + "' must be a SHA256 host key"
                    + " fingerprint as ssh-keygen -lf prints it, e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s,"
                    + " not '" + value + "'. Leave it empty to see the server's fingerprint in the error of the first"
                    + " connection, or use 'Fetch host key' in the target's settings page.", null);
        }
        return v;
    }
}
