package io.backbench.target.sftp.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;

import io.backbench.target.api.TargetException;

/** Reads a private key file (OpenSSH or PEM format, optionally protected by a passphrase) once, at open. */
final class KeyFiles {
    private KeyFiles() {
    }

    static List<KeyPair> load(Optional<Path> file, Optional<String> passphrase) throws TargetException {
        if (file.isEmpty()) {
            return List.of();
        }
        Path path = file.get();
        if (!Files.isRegularFile(path)) {
            throw TargetException.permanentFailure("setting '" + SftpSettings.KEY_FILE + "': there is no file " + path
                    + "; give the path of the private key (not the .pub file)", null);
        }
        FileKeyPairProvider provider = new FileKeyPairProvider(path);
        provider.setPasswordFinder(passphrase.isPresent() ? FilePasswordProvider.of(passphrase.get())
                : FilePasswordProvider.EMPTY);
        try {
            List<KeyPair> keys = new ArrayList<>();
            SshClients.withOwnLoader(() -> {
                provider.loadKeys(null).forEach(keys::add);
                return null;
            });
            if (keys.isEmpty()) {
                // sshd gives up silently on a wrong or missing passphrase, as on a file that holds no key
                throw TargetException.permanentFailure("setting '" + SftpSettings.KEY_FILE + "': no private key could"
                        + " be read from " + path + "; " + hint(passphrase) + ", and that the file is an OpenSSH or PEM"
                        + " private key (not the .pub file)", null);
            }
            return List.copyOf(keys);
        } catch (TargetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TargetException.permanentFailure("setting '" + SftpSettings.KEY_FILE + "': cannot read the private key"
                    + " in " + path + " (" + SftpErrors.rootMessage(e) + "); " + hint(passphrase), e);
        }
    }

    private static String hint(Optional<String> passphrase) {
        return passphrase.isPresent() ? "check that '" + SftpSettings.PASSPHRASE + "' is the key's passphrase"
                : "if the key is protected by a passphrase, set '" + SftpSettings.PASSPHRASE + "'";
    }
}
