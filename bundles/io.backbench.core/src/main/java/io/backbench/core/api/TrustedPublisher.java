package io.backbench.core.api;

/**
 * A certificate in the plugin trust store: plugins whose jars are signed by it (or by a certificate
 * it issued) are accepted.
 *
 * @param alias    the name it is stored under (used to remove it)
 * @param subject  the certificate's subject (X.500 name)
 * @param issuer   the certificate's issuer
 * @param sha256   the SHA-256 fingerprint, hex with colons
 * @param notAfter the end of its validity, ISO-8601
 */
public record TrustedPublisher(String alias, String subject, String issuer, String sha256, String notAfter) {
}
