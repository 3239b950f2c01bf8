package io.backbench.target.sftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.backbench.target.api.SettingDescriptor;
import io.backbench.target.api.TargetException;
import io.backbench.target.api.TargetSettings;

class SftpSettingsTest {
    private static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

    private static Map<String, String> minimal() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host", "backup.example.org");
        m.put("user", "backup");
        m.put("password", "p4ss w0rd");
        m.put("path", "/srv/repo/");
        m.put("host_key", FINGERPRINT);
        return m;
    }

    private static String refusal(Map<String, String> m) {
        return assertThrows(TargetException.class, () -> SftpSettings.parse(TargetSettings.of(m))).getMessage();
    }

    @Test
    void fillsTheDefaultsAndTrimsTheFolder() throws Exception {
        SftpSettings s = SftpSettings.parse(TargetSettings.of(minimal()));
        assertEquals(22, s.port());
        assertEquals(4, s.connections());
        assertEquals(Duration.ofSeconds(15), s.connectTimeout());
        assertEquals("/srv/repo", s.path());
        assertTrue(s.create());
        assertEquals(Optional.of(FINGERPRINT), s.hostKey());
        assertEquals("sftp:backup@backup.example.org:22/srv/repo", s.describe());
    }

    @Test
    void neverShowsThePasswordOrPassphrase() throws Exception {
        Map<String, String> m = minimal();
        m.put("passphrase", "secret phrase");
        m.put("key_file", "/etc/backbench/id_ecdsa");
        SftpSettings s = SftpSettings.parse(TargetSettings.of(m));
        assertFalse(s.toString().contains("p4ss") || s.toString().contains("secret phrase"), s.toString());
        assertEquals(Optional.of(Path.of("/etc/backbench/id_ecdsa")), s.keyFile());
    }

    @Test
    void refusesSettingsWithoutPasswordOrKeyFile() {
        Map<String, String> m = minimal();
        m.remove("password");
        String message = refusal(m);
        assertTrue(message.contains("'password'") && message.contains("'key_file'"), message);
    }

    @Test
    void refusesBadValuesNamingTheSetting() {
        Map<String, Map.Entry<String, String>> cases = new LinkedHashMap<>();
        cases.put("'port'", Map.entry("port", "70000"));
        cases.put("'port' ", Map.entry("port", "ssh"));
        cases.put("'host'", Map.entry("host", "backup@example.org"));
        cases.put("'key_file'", Map.entry("key_file", "keys/id_rsa"));
        cases.put("'host_key'", Map.entry("host_key", "uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"));
        cases.put("'connections'", Map.entry("connections", "0"));
        cases.put("'connect_timeout_s'", Map.entry("connect_timeout_s", "-1"));
        cases.forEach((setting, value) -> {
            Map<String, String> m = minimal();
            m.put(value.getKey(), value.getValue());
            String message = refusal(m);
            assertTrue(message.contains(setting.strip()), value + " -> " + message);
        });
    }

    @Test
    void requiresHostUserAndFolder() {
        for (String key : List.of("host", "user", "path")) {
            Map<String, String> m = minimal();
            m.remove(key);
            assertTrue(refusal(m).contains("'" + key + "'"), key);
        }
    }

    @Test
    void describesEverySettingTheParserReads() {
        List<String> keys = new SftpTargetFactory().settings().stream().map(SettingDescriptor::key).toList();
        assertEquals(List.of("host", "port", "user", "password", "key_file", "passphrase", "path", "host_key",
                "connect_timeout_s", "connections", "create"), keys);
        assertEquals(SettingDescriptor.Type.SECRET, new SftpTargetFactory().settings().get(3).type());
        assertEquals(SettingDescriptor.Type.SECRET, new SftpTargetFactory().settings().get(5).type());
        assertEquals(SettingDescriptor.Type.PATH, new SftpTargetFactory().settings().get(4).type());
    }
}
