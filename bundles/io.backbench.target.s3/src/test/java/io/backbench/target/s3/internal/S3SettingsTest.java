package io.backbench.target.s3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

class S3SettingsTest {

    private static S3Settings parse(Map<String, String> m) throws TargetException {
        return S3Settings.parse(TargetSettings.of(m));
    }

    @Test
    void readsAResticStyleLocationFromTheBucketSetting() throws Exception {
        S3Settings s = parse(Map.of("bucket", "http://127.0.0.1:9000/backups/hosts/alpha/"));
        assertEquals(URI.create("http://127.0.0.1:9000"), s.endpoint());
        assertEquals("backups", s.bucket());
        assertEquals("hosts/alpha/", s.prefix());
        assertTrue(s.pathStyle());
        assertEquals("s3:http://127.0.0.1:9000/backups/hosts/alpha", s.describe());
    }

    @Test
    void takesAHostWithoutSchemeAsHttpsAndUsesVirtualHostsOnAws() throws Exception {
        S3Settings s = parse(Map.of("bucket", "s3.eu-central-1.amazonaws.com/backups", "addressing", "auto"));
        assertEquals(URI.create("https://s3.eu-central-1.amazonaws.com"), s.endpoint());
        assertEquals("", s.prefix());
        assertFalse(s.pathStyle(), "AWS wants virtual-host addressing");
        S3Settings aws = parse(Map.of("bucket", "backups", "region", "eu-west-3"));
        assertEquals(URI.create("https://s3.eu-west-3.amazonaws.com"), aws.endpoint());
        assertFalse(aws.pathStyle());
        assertTrue(parse(Map.of("bucket", "backups", "endpoint", "http://10.0.0.5:9000")).pathStyle(),
                "other servers get path-style addressing by default");
    }

    @Test
    void appliesTheDefaults() throws Exception {
        S3Settings s = parse(Map.of("bucket", "backups"));
        assertEquals("us-east-1", s.region());
        assertEquals(16L << 20, s.multipartThreshold());
        assertEquals(8 << 20, s.partSize());
        assertEquals(8, s.retry().maxAttempts());
        assertEquals(0, s.uploadBytesPerSecond());
        assertFalse(s.objectLock().on());
        assertFalse(s.create());
    }

    @Test
    void namesTheSettingInEveryError() {
        Map<Map<String, String>, String> bad = Map.of(
                Map.of(), "'bucket' is required",
                Map.of("bucket", "No_Such!"), "setting 'bucket'",
                Map.of("bucket", "b-1", "endpoint", "ftp://x"), "setting 'endpoint'",
                Map.of("bucket", "b-1", "part_size_mib", "2"), "setting 'part_size_mib'",
                Map.of("bucket", "b-1", "addressing", "sideways"), "setting 'addressing'",
                Map.of("bucket", "b-1", "prefix", "a b"), "setting 'prefix'",
                Map.of("bucket", "b-1", "max_attempts", "0"), "setting 'max_attempts'",
                Map.of("bucket", "http://h:1/b-1", "prefix", "x"), "setting 'bucket' holds a whole location");
        bad.forEach((settings, expected) -> {
            TargetException e = assertThrows(TargetException.class, () -> parse(settings), settings.toString());
            assertTrue(e.getMessage().contains(expected), e.getMessage() + " should contain " + expected);
            assertFalse(e.isRetryable());
        });
    }

    @Test
    void neverShowsTheSecret() throws Exception {
        S3Settings s = parse(Map.of("bucket", "backups", "access_key", "AKIDEXAMPLE", "secret_key", "s3cr3t-v4lue"));
        assertFalse(s.toString().contains("s3cr3t"), s.toString());
        assertFalse(s.describe().contains("s3cr3t"), s.describe());
        assertFalse(TargetSettings.of(Map.of("secret_key", "s3cr3t-v4lue")).toString().contains("s3cr3t"));
    }
}
