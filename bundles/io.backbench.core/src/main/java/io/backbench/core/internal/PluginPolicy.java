package io.backbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginManager;

/**
 * Decides whether a plugin jar may run: signed (every entry, by one signer) by a publisher in the
 * trust store, unless the administrator allows unsigned or untrusted plugins. Verdicts are cached
 * per file, size, modification time and trust store change: the resolver hook asks on every resolve.
 * Thread-safe (called from the resolver, FileInstall's and callers' threads).
 */
final class PluginPolicy {
    static final String HOW_TO_ALLOW = "To install it anyway, tick \"Allow unsigned or untrusted plugins\" in "
            + "Preferences > Plugins (configuration " + PluginManager.PREFERENCES_PID + ", allowUntrusted=true)";

    private final TrustStore trust;
    private volatile boolean allowUntrusted;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long size, long modified, long trustModified, Optional<String> refusal) {
    }

    PluginPolicy(TrustStore trust) {
        this.trust = trust;
    }

    TrustStore trustStore() {
        return trust;
    }

    boolean allowsUntrusted() {
        return allowUntrusted;
    }

    void allowUntrusted(boolean allow) {
        this.allowUntrusted = allow;
    }

    /** Throws, saying why and how to allow it, if {@code jar} may not run. */
    void check(Path jar, String what) throws PluginException {
        Optional<String> refusal = refusal(jar);
        if (refusal.isPresent()) {
            throw new PluginException("cannot install " + what + ": " + refusal.get());
        }
    }

    /** Why {@code jar} may not run ("it is not signed. ..."), or empty when it may. */
    Optional<String> refusal(Path jar) throws PluginException {
        if (allowUntrusted) {
            return Optional.empty();
        }
        try {
            long size = Files.size(jar);
            long modified = Files.getLastModifiedTime(jar).toMillis();
            long trustModified = Files.exists(trust.file()) ? Files.getLastModifiedTime(trust.file()).toMillis() : 0;
            Cached c = cache.get(jar);
            if (c != null && c.size == size && c.modified == modified && c.trustModified == trustModified) {
                return c.refusal;
            }
            Optional<String> refusal = decide(jar);
            cache.put(jar, new Cached(size, modified, trustModified, refusal));
            return refusal;
        } catch (IOException e) {
            throw new PluginException("cannot check the signature of " + jar + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> decide(Path jar) throws IOException, PluginException {
        JarSignatures.Verdict v = JarSignatures.verify(jar);
        String trustHint = "; or, if you trust its publisher, add their certificate: backbench plugins trust add CERT.pem";
        return switch (v.kind()) {
            case UNSIGNED -> Optional.of("it is not signed, and only plugins signed by a trusted publisher are "
                    + "allowed. " + HOW_TO_ALLOW + ".");
            case PARTLY_SIGNED -> Optional.of("it is only partly signed (" + v.detail() + " is not signed), so its "
                    + "content cannot be trusted. Get a correctly signed jar from its publisher. " + HOW_TO_ALLOW + ".");
            case MIXED_SIGNERS -> Optional.of("its entries are signed by different signers (" + v.detail()
                    + "). Get a correctly signed jar from its publisher. " + HOW_TO_ALLOW + ".");
            case TAMPERED -> Optional.of("its content does not match its signature (" + v.detail() + "): it was "
                    + "changed after it was signed. Do not use this file; get it again from its publisher.");
            case SIGNED -> trust.trusts(v.chain()) ? Optional.empty()
                    : Optional.of("it is signed by " + v.signer() + ", who is not in the plugin trust store "
                    + trust.file() + ". " + HOW_TO_ALLOW + trustHint + ".");
        };
    }
}
