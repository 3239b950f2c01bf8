package io.backbench.target.s3.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

/**
 * S3 object lock as the target uses it: every object is put with a retention of {@code days} in
 * {@code mode}, so that no credential (compliance) or only a privileged one (governance) can delete
 * or overwrite it before then. {@link #OFF} when not used.
 */
record ObjectLock(String mode, Duration retention) {
    static final ObjectLock OFF = new ObjectLock("OFF", Duration.ZERO);

    boolean on() {
        return !mode.equals("OFF");
    }

    Instant retainUntil(Instant now) {
        return now.plus(retention);
    }

    static ObjectLock parse(TargetSettings s) throws TargetException {
        String mode = s.get(S3Settings.OBJECT_LOCK).orElse("off").trim().toUpperCase(Locale.ROOT);
        if (mode.equals("OFF")) {
            return OFF;
        }
        if (!mode.equals("GOVERNANCE") && !mode.equals("COMPLIANCE")) {
            throw TargetException.permanentFailure("setting '" + S3Settings.OBJECT_LOCK
                    + "' must be off, governance or compliance, not '" + s.get(S3Settings.OBJECT_LOCK).orElse("") + "'", null);
        }
        long days = s.getLong(S3Settings.RETENTION_DAYS, 30);
        if (days < 1 || days > 36_500) {
            throw TargetException.permanentFailure("setting '" + S3Settings.RETENTION_DAYS
                    + "' must be between 1 and 36500 days, not " + days, null);
        }
        return new ObjectLock(mode, Duration.ofDays(days));
    }
}
