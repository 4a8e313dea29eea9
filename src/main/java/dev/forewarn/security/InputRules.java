package dev.forewarn.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The rules every piece of outside input meets before it is stored or acted on, in one place so every resource
 * and source applies the same ones (README "Limits"): instants within a sane range, texts of bounded length
 * without control characters (no NUL for PostgreSQL to refuse, no CR/LF to forge a mail header or a log line)
 * and without unpaired surrogates (what invalid UTF-8 decodes to). Each check returns the problem in words that
 * can follow the field's name, or empty when the value is acceptable.
 */
public final class InputRules {

    /** No ticket, probe, window or override of a service that started after this is older. */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** How far ahead of now an instant may lie (a maintenance window or override planned a year out). */
    public static final Duration FURTHEST_AHEAD = Duration.ofDays(366);
    /** Longest name, reason or other one-line text (characters). */
    public static final int MAX_TEXT = 500;
    /** Longest id (characters). */
    public static final int MAX_ID = 128;

    private InputRules() {
    }

    /** Whether {@code at} lies between {@link #EARLIEST} and {@link #FURTHEST_AHEAD} after {@code now}. */
    public static Optional<String> instant(Instant at, Instant now) {
        if (at == null) {
            return Optional.empty();
        }
        if (at.isBefore(EARLIEST)) {
            return Optional.of("is before " + EARLIEST);
        }
        if (at.isAfter(now.plus(FURTHEST_AHEAD))) {
            return Optional.of("is more than " + FURTHEST_AHEAD.toDays() + " days in the future");
        }
        return Optional.empty();
    }

    /** A one-line text: at most {@code max} characters, no control characters (CR, LF, NUL …), valid Unicode. */
    public static Optional<String> line(String text, int max) {
        return text(text, max, false);
    }

    /** A multi-line text (a subject or description): like {@link #line} but tabs and line breaks are allowed. */
    public static Optional<String> paragraph(String text, int max) {
        return text(text, max, true);
    }

    /**
     * An id: a one-line text of at most {@link #MAX_ID} characters, not blank, without U+FFFD (what a decoder
     * makes of invalid UTF-8: two different broken ids would otherwise become the same ticket).
     */
    public static Optional<String> id(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of("is missing");
        }
        if (text.indexOf('\uFFFD') >= 0) {
            return Optional.of("is not valid Unicode (invalid UTF-8 or an unpaired surrogate)");
        }
        return line(text, MAX_ID);
    }

    /** Decodes UTF-8 strictly: empty when the bytes are not valid UTF-8, instead of silently replacing them. */
    public static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /**
     * A text from a source Forewarn cannot send back (a polled help desk's subject): control characters become
     * spaces, unpaired surrogates U+FFFD, and it is cut to {@code max} characters without splitting a pair.
     */
    public static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out.length() + 2 > max) {
                    break;
                }
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Optional<String> text(String text, int max, boolean breaksAllowed) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > max) {
            return Optional.of("is longer than " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("is not valid Unicode (invalid UTF-8 or an unpaired surrogate)");
            } else if (Character.isISOControl(c) && !(breaksAllowed && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            } else if (c == '\u2028' || c == '\u2029') {
                return Optional.of("contains a line separator");
            }
        }
        return Optional.empty();
    }
}
