package io.backbench.core.internal;

import java.util.List;
import java.util.Map;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.SettingDescriptor.Type;
import io.backbench.target.api.StorageTarget;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetFactory;
import io.backbench.target.api.TargetSettings;
import io.backbench.target.disk.internal.DiskTargetFactory;

/**
 * A target type with a secret, as a site plugin would write one: a disk folder that opens only with
 * the right token. The tests use it to see the secret stored encrypted and handed back decrypted.
 */
final class VaultTargetFactory implements TargetFactory {
    static final String TOKEN = "s3cr3t-t0ken-value";

    @Override
    public String type() {
        return "vault";
    }

    @Override
    public String displayName() {
        return "Folder behind a token";
    }

    @Override
    public String description() {
        return "A folder that opens only with the right token.";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.required("folder", "Folder", Type.PATH, "where"),
                SettingDescriptor.required("token", "Token", Type.SECRET, "the token"),
                // a secret whose name does not say so: only its descriptor does
                SettingDescriptor.optional("pin", "PIN", Type.SECRET, "", "a second secret"));
    }

    @Override
    public StorageTarget open(TargetSettings settings) throws TargetException {
        if (!settings.require("token").equals(TOKEN)) {
            throw TargetException.permanentFailure("setting 'token' is wrong", null);
        }
        return new DiskTargetFactory().open(TargetSettings.of(Map.of("path", settings.require("folder"), "fsync", "false")));
    }
}
