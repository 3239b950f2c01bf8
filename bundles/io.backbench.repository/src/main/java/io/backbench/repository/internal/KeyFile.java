package io.backbench.repository.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import io.backbench.repository.api.RepositoryException;
import io.backbench.repository.api.RepositoryOptions.KdfParams;

/**
 * A key file ({@code keys/ID}, plain JSON): scrypt parameters and salt, and the master key encrypted
 * with the key scrypt derives from the password.
 */
final class KeyFile {
    private static final SecureRandom RANDOM = new SecureRandom();

    final Instant created;
    final String username;
    final String hostname;
    final int n;
    final int r;
    final int p;
    final byte[] salt;
    final byte[] data;

    private KeyFile(Instant created, String username, String hostname, int n, int r, int p, byte[] salt, byte[] data) {
        this.created = created;
        this.username = username;
        this.hostname = hostname;
        this.n = n;
        this.r = r;
        this.p = p;
        this.salt = salt;
        this.data = data;
    }

    /** A key file that opens {@code master} with {@code password}. */
    static byte[] create(CryptoKey master, char[] password, KdfParams kdf) {
        byte[] salt = new byte[64];
        RANDOM.nextBytes(salt);
        CryptoKey user = CryptoKey.fromKdf(derive(password, salt, kdf.n(), kdf.r(), kdf.p()));
        byte[] sealed = user.seal(masterKeyJson(master));
        Base64.Encoder b64 = Base64.getEncoder();
        return new JsonWriter().beginObject()
                .field("created", GoTime.format(Instant.now()))
                .field("username", Host.username()).field("hostname", Host.hostname())
                .field("kdf", "scrypt").field("N", kdf.n()).field("r", kdf.r()).field("p", kdf.p())
                .field("salt", b64.encodeToString(salt)).field("data", b64.encodeToString(sealed))
                .endObject().toBytes();
    }

    static KeyFile parse(byte[] json, String what) throws RepositoryException {
        Map<String, Object> m = JsonReader.parseObject(json, what);
        String kdf = Json.string(m, "kdf", what);
        if (!kdf.equals("scrypt")) {
            throw new RepositoryException(what + ": unknown key derivation '" + kdf + "' (only scrypt exists)");
        }
        String created = Json.optString(m, "created");
        return new KeyFile(created == null ? Instant.EPOCH : GoTime.parse(created, what), Json.optString(m, "username"),
                Json.optString(m, "hostname"), (int) Json.number(m, "N", what), (int) Json.number(m, "r", what),
                (int) Json.number(m, "p", what), Json.base64(m, "salt", what), Json.base64(m, "data", what));
    }

    /** The master key, or null if the password does not open this key file. */
    CryptoKey open(char[] password, String what) throws RepositoryException {
        CryptoKey user;
        try {
            user = CryptoKey.fromKdf(derive(password, salt, n, r, p));
        } catch (IllegalArgumentException e) {
            throw new RepositoryException(what + ": " + e.getMessage());
        }
        byte[] plain;
        try {
            plain = user.open(data);
        } catch (RepositoryException wrongPassword) {
            return null;
        }
        Map<String, Object> m = JsonReader.parseObject(plain, what + " (master key)");
        Map<String, Object> mac = Json.object(m.get("mac"), what + " (master key)");
        byte[] enc = Json.base64(m, "encrypt", what);
        byte[] k = Json.base64(mac, "k", what);
        byte[] rr = Json.base64(mac, "r", what);
        if (enc.length != 32 || k.length != 16 || rr.length != 16) {
            throw new RepositoryException(what + ": master key has wrong sizes");
        }
        return new CryptoKey(enc, k, rr);
    }

    static byte[] masterKeyJson(CryptoKey master) {
        Base64.Encoder b64 = Base64.getEncoder();
        return new JsonWriter().beginObject().name("mac").beginObject()
                .field("k", b64.encodeToString(master.macK())).field("r", b64.encodeToString(master.macR()))
                .endObject().field("encrypt", b64.encodeToString(master.encryptionKey())).endObject().toBytes();
    }

    private static byte[] derive(char[] password, byte[] salt, int n, int r, int p) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pw = Arrays.copyOfRange(bb.array(), bb.position(), bb.limit());
        Arrays.fill(bb.array(), (byte) 0);
        try {
            return Scrypt.derive(pw, salt, n, r, p, 64);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
    }
}
