package io.backbench.repository.internal;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.backbench.repository.api.Id;
import io.backbench.repository.api.RepositoryException;

/** Typed access to parsed JSON members, with errors that name the document and the member. */
final class Json {
    private Json() {
    }

    static String string(Map<String, Object> m, String key, String what) throws RepositoryException {
        Object v = m.get(key);
        if (!(v instanceof String s)) {
            throw new RepositoryException(what + ": member '" + key + "' missing or not a string");
        }
        return s;
    }

    static String optString(Map<String, Object> m, String key) {
        return m.get(key) instanceof String s ? s : null;
    }

    static long number(Map<String, Object> m, String key, String what) throws RepositoryException {
        Object v = m.get(key);
        if (!(v instanceof Long l)) {
            throw new RepositoryException(what + ": member '" + key + "' missing or not an integer");
        }
        return l;
    }

    static long optNumber(Map<String, Object> m, String key) {
        return m.get(key) instanceof Long l ? l : 0L;
    }

    static boolean optBoolean(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    @SuppressWarnings("unchecked")
    static List<Object> optList(Map<String, Object> m, String key, String what) throws RepositoryException {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List)) {
            throw new RepositoryException(what + ": member '" + key + "' is not a list");
        }
        return (List<Object>) v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object v, String what) throws RepositoryException {
        if (!(v instanceof Map)) {
            throw new RepositoryException(what + ": JSON object expected");
        }
        return (Map<String, Object>) v;
    }

    static Id id(Map<String, Object> m, String key, String what) throws RepositoryException {
        return parseId(string(m, key, what), what);
    }

    static Id optId(Map<String, Object> m, String key, String what) throws RepositoryException {
        String s = optString(m, key);
        return s == null ? null : parseId(s, what);
    }

    static Id parseId(String s, String what) throws RepositoryException {
        try {
            return Id.parse(s);
        } catch (IllegalArgumentException e) {
            throw new RepositoryException(what + ": " + e.getMessage());
        }
    }

    static byte[] base64(Map<String, Object> m, String key, String what) throws RepositoryException {
        try {
            return Base64.getDecoder().decode(string(m, key, what));
        } catch (IllegalArgumentException e) {
            throw new RepositoryException(what + ": member '" + key + "' is not base64");
        }
    }
}
