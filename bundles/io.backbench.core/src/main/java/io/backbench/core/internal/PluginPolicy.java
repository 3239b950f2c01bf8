package io.backbench.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.backbench.core.api.PluginException;
import io.backbench.core.api.PluginManager;

/**
 * Decides whether a plugin jar may run: signed (every entry, by one signer) by a publisher in the
 * trust store, with certificates valid when it was signed (see {@link #validity}), unless the
 * administrator allows unsigned or untrusted plugins. There is no revocation list or OCSP (the
 * product works offline): removing a publisher from the trust store is how trust is withdrawn.
 * Verdicts are cached per file, size, modification time and trust store change, until a certificate
 * expires: the resolver hook asks on every resolve. Thread-safe (called from the resolver,
 * FileInstall's and callers' threads).
 */
final class PluginPolicy {
    static final String HOW_TO_ALLOW = "To install it anyway, tick \"Allow unsigned or untrusted plugins\" in "
            + "Preferences > Plugins (configuration " + PluginManager.PREFERENCES_PID + ", allowUntrusted=true)";

    private final TrustStore trust;
    private volatile boolean allowUntrusted;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    /** {@code recheckAfter}: when the verdict may change by itself (a certificate expires), or null. */
    private record Cached(long size, long modified, long trustModified, Optional<String> refusal, Instant recheckAfter) {
    }

    record Decision(Optional<String> refusal, Instant recheckAfter) {
        static Decision of(Optional<String> refusal) {
            return new Decision(refusal, null);
        }
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
            if (c != null && c.size == size && c.modified == modified && c.trustModified == trustModified
                    && (c.recheckAfter == null || Instant.now().isBefore(c.recheckAfter))) {
                return c.refusal;
            }
            Decision d = decide(jar);
            cache.put(jar, new Cached(size, modified, trustModified, d.refusal(), d.recheckAfter()));
            return d.refusal();
        } catch (IOException e) {
            throw new PluginException("cannot check the signature of " + jar + ": " + e.getMessage(), e);
        }
    }

    private Decision decide(Path jar) throws IOException, PluginException {
        JarSignatures.Verdict v = JarSignatures.verify(jar);
        if (v.kind() == JarSignatures.Kind.SIGNED && trust.trusts(v.chain())) {
            return validity(v, Instant.now());
        }
        String trustHint = "; or, if you trust its publisher, add their certificate: backbench plugins trust add CERT.pem";
        return Decision.of(switch (v.kind()) {
            case UNSIGNED -> Optional.of("it is not signed, and only plugins signed by a trusted publisher are "
                    + "allowed. " + HOW_TO_ALLOW + ".");
            case PARTLY_SIGNED -> Optional.of("it is only partly signed (" + v.detail() + " is not signed), so its "
                    + "content cannot be trusted. Get a correctly signed jar from its publisher. " + HOW_TO_ALLOW + ".");
            case MIXED_SIGNERS -> Optional.of("its entries are signed by different signers (" + v.detail()
                    + "). Get a correctly signed jar from its publisher. " + HOW_TO_ALLOW + ".");
            case TAMPERED -> Optional.of("its content does not match its signature (" + v.detail() + "): it was "
                    + "changed after it was signed. Do not use this file; get it again from its publisher.");
            case SIGNED -> Optional.of("it is signed by " + v.signer() + ", who is not in the plugin trust store "
                    + trust.file() + ". " + HOW_TO_ALLOW + trustHint + ".");
        });
    }

    /**
     * A trusted signature counts while every certificate of its chain is valid: at the time a
     * timestamping authority vouches the jar was signed, or, without a timestamp, now (so such a
     * plugin stops being accepted when its publisher's certificate expires, as code signing means;
     * the verdict is looked at again then).
     */
    static Decision validity(JarSignatures.Verdict v, Instant now) {
        Instant at = v.timestamped() != null ? v.timestamped() : now;
        Instant firstExpiry = null;
        for (X509Certificate c : v.chain()) {
            String whose = c.equals(v.chain().get(0)) ? "whose certificate"
                    : "whose certificate chain holds " + c.getSubjectX500Principal().getName() + ", which";
            Instant notAfter = c.getNotAfter().toInstant();
            Instant notBefore = c.getNotBefore().toInstant();
            if (at.isAfter(notAfter)) {
                return Decision.of(Optional.of(v.timestamped() == null
                        ? "it is signed by " + v.signer() + ", " + whose + " expired on " + notAfter + ", and the signature has no"
                                + " timestamp that shows it was made before. Ask its publisher for a jar signed with a valid"
                                + " certificate and timestamped (jarsigner -tsa), so that it stays valid after the certificate"
                                + " expires. " + HOW_TO_ALLOW + "."
                        : "it is signed by " + v.signer() + ", " + whose + " had expired on " + notAfter + " when the jar was signed"
                                + " (its timestamp says " + v.timestamped() + "). Ask its publisher for a jar signed with a valid"
                                + " certificate. " + HOW_TO_ALLOW + "."));
            }
            if (at.isBefore(notBefore)) {
                return new Decision(Optional.of("it is signed by " + v.signer() + ", " + whose + " is valid only from " + notBefore
                        + (v.timestamped() == null ? " (it is " + now + " now: check this computer's clock)"
                                : " but the jar's timestamp says it was signed on " + v.timestamped())
                        + ". " + HOW_TO_ALLOW + "."), v.timestamped() == null ? notBefore : null);
            }
            firstExpiry = firstExpiry == null || notAfter.isBefore(firstExpiry) ? notAfter : firstExpiry;
        }
        return new Decision(Optional.empty(), v.timestamped() == null ? firstExpiry : null);
    }
}
