package io.backbench.target.sftp.internal;

import java.io.IOException;
import java.security.KeyPair;
import java.util.List;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.common.SftpException;
import org.osgi.service.component.annotations.Component;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;

/**
 * The {@code sftp} target type: a folder on an SSH server, reached over SFTP with a password or a
 * private key, the server checked against its host key fingerprint. Stateless, so thread-safe.
 */
@Component(service = TargetFactory.class, property = TargetFactory.TYPE_PROPERTY + "=" + SftpTargetFactory.TYPE)
public class SftpTargetFactory implements TargetFactory {
    static final String TYPE = "sftp";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String displayName() {
        return "SFTP server";
    }

    @Override
    public String description() {
        return "Stores the repository in a folder on an SSH server over SFTP (a NAS, a remote site, a rented storage"
                + " box). The server is checked against its host key fingerprint; every write is atomic.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required(SftpSettings.HOST, "Host", Type.STRING,
                        "The server's name or address, e.g. backup.example.org or 192.0.2.10."),
                SettingDescriptor.optional(SftpSettings.PORT, "Port", Type.INTEGER, "22", "The SSH port."),
                SettingDescriptor.required(SftpSettings.USER, "User", Type.STRING,
                        "The account on the server that owns the repository folder, e.g. backup."),
                SettingDescriptor.optional(SftpSettings.PASSWORD, "Password", Type.SECRET, null,
                        "The user's password. Kept encrypted; never shown or logged. Empty when a key file is used."),
                SettingDescriptor.optional(SftpSettings.KEY_FILE, "Private key file", Type.PATH, null,
                        "Instead of a password: the private key (OpenSSH or PEM), e.g. /etc/backbench/id_ecdsa; its"
                                + " public half must be in the user's ~/.ssh/authorized_keys on the server."),
                SettingDescriptor.optional(SftpSettings.PASSPHRASE, "Key passphrase", Type.SECRET, null,
                        "The passphrase of the private key file, if it has one. Kept encrypted."),
                SettingDescriptor.required(SftpSettings.PATH, "Folder", Type.STRING,
                        "The repository's folder on the server: absolute (/srv/backup/repo) or relative to the user's"
                                + " home (backup/repo)."),
                SettingDescriptor.required(SftpSettings.HOST_KEY, "Host key fingerprint", Type.STRING,
                        "The server's host key as ssh-keygen -lf prints it, e.g. SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s."
                                + " A connection to a server with another key is refused; the error shows the key the"
                                + " server presented, so it can be checked and pasted here."),
                SettingDescriptor.optional(SftpSettings.CONNECT_TIMEOUT, "Connect timeout (s)", Type.INTEGER,
                        String.valueOf(SftpSettings.DEFAULT_CONNECT_TIMEOUT),
                        "How long to wait for the server to answer and to log in."),
                SettingDescriptor.optional(SftpSettings.CONNECTIONS, "Connections", Type.INTEGER,
                        String.valueOf(SftpSettings.DEFAULT_CONNECTIONS),
                        "How many SSH sessions transfer in parallel (1 to 64)."),
                SettingDescriptor.optional(SftpSettings.CREATE, "Create the folder", Type.BOOLEAN, "true",
                        "Create the folder (and its parents) on the server if it does not exist yet."));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        SftpSettings s = SftpSettings.parse(settings);
        List<KeyPair> keys = KeyFiles.load(s.keyFile(), s.passphrase());
        SessionPool pool = new SessionPool(s, keys);
        try {
            String root = prepareFolder(s, pool);
            return new SftpTarget(s.describe(), pool, root);
        } catch (TargetException | RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /** Connects once (so bad settings fail here, not in the first backup), creates the folder, returns its real path. */
    private static String prepareFolder(SftpSettings s, SessionPool pool) throws TargetException {
        Remote remote = new Remote(pool, s.describe());
        return remote.call("opening the folder", null, s.path(), SftpErrors.Doing.OTHER, c -> {
            SftpClient sftp = c.sftp();
            String path = s.path();
            if (!exists(sftp, path)) {
                if (!s.create()) {
                    throw new SftpException(org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE,
                            "the folder does not exist and '" + SftpSettings.CREATE + "' is false");
                }
                String absolute = path.startsWith("/") ? path : sftp.canonicalPath(".") + "/" + path;
                RemoteFolders fromTop = new RemoteFolders(s.describe(), "/");
                fromTop.ensure(sftp, absolute);
            }
            String root = sftp.canonicalPath(path);
            SftpClient.Attributes a = sftp.stat(root);
            if (!a.isDirectory()) {
                throw new SftpException(org.apache.sshd.sftp.common.SftpConstants.SSH_FX_FAILURE,
                        root + " is a file, not a folder; choose a folder");
            }
            sftp.readDir(root).iterator().hasNext(); // a missing read permission fails here, not in a backup
            return root;
        });
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (SftpErrors.isMissing(e)) {
                return false;
            }
            throw e;
        }
    }
}
