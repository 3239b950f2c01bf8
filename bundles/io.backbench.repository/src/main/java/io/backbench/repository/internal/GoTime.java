package io.backbench.repository.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.backbench.repository.api.RepositoryException;

/**
 * Times as Go's encoding/json writes them (RFC 3339 with up to 9 fraction digits, zeros trimmed).
 * Every node of every tree has three of them, so both directions are done by hand on the common
 * shape; anything else falls back to {@link OffsetDateTime#parse} (which also gives the errors).
 */
final class GoTime {
    private static final long SECONDS_PER_DAY = 86_400;

    private GoTime() {
    }

    static String format(Instant t) {
        long secs = t.getEpochSecond();
        long day = Math.floorDiv(secs, SECONDS_PER_DAY);
        int secOfDay = (int) Math.floorMod(secs, SECONDS_PER_DAY);
        LocalDate d = LocalDate.ofEpochDay(day);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("year outside 0..9999 cannot be stored: " + t);
        }
        char[] c = new char[30];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, d.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, d.getDayOfMonth(), 2);
        c[10] = 'T';
        digits(c, 11, secOfDay / 3600, 2);
        c[13] = ':';
        digits(c, 14, secOfDay / 60 % 60, 2);
        c[16] = ':';
        digits(c, 17, secOfDay % 60, 2);
        int end = 19;
        int nanos = t.getNano();
        if (nanos != 0) {
            c[end++] = '.';
            digits(c, end, nanos, 9);
            end += 9;
            while (c[end - 1] == '0') {
                end--;
            }
        }
        c[end++] = 'Z';
        return new String(c, 0, end);
    }

    static Instant parse(String s, String what) throws RepositoryException {
        Instant fast = parseCommon(s);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new RepositoryException(what + ": not an RFC 3339 time: " + s);
        }
    }

    /** {@code YYYY-MM-DDTHH:MM:SS[.f{1,9}](Z|±HH:MM)}, or null when {@code s} has another shape or a field out of range. */
    private static Instant parseCommon(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = num(s, 0, 4);
        int month = num(s, 5, 2);
        int dayOfMonth = num(s, 8, 2);
        int hour = num(s, 11, 2);
        int minute = num(s, 14, 2);
        int second = num(s, 17, 2);
        if (year < 0 || month < 0 || dayOfMonth < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int pos = 19;
        int nanos = 0;
        if (s.charAt(pos) == '.') {
            pos++;
            int start = pos;
            while (pos < n && pos - start < 9 && isDigit(s.charAt(pos))) {
                nanos = nanos * 10 + (s.charAt(pos++) - '0');
            }
            int len = pos - start;
            if (len == 0 || (pos < n && isDigit(s.charAt(pos)))) {
                return null;
            }
            for (int i = len; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offset;
        if (pos == n - 1 && s.charAt(pos) == 'Z') {
            offset = 0;
        } else if (pos == n - 6 && (s.charAt(pos) == '+' || s.charAt(pos) == '-') && s.charAt(pos + 3) == ':') {
            int oh = num(s, pos + 1, 2);
            int om = num(s, pos + 4, 2);
            if (oh < 0 || oh > 18 || om < 0 || om > 59) {
                return null;
            }
            offset = (oh * 3600 + om * 60) * (s.charAt(pos) == '-' ? -1 : 1);
            if (Math.abs(offset) > 18 * 3600) {
                return null;
            }
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, dayOfMonth).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        long secs = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second - offset;
        return Instant.ofEpochSecond(secs, nanos);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The unsigned decimal of {@code len} digits at {@code from}, or -1 if one is not a digit. */
    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static void digits(char[] c, int at, int v, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + v % 10);
            v /= 10;
        }
    }
}
