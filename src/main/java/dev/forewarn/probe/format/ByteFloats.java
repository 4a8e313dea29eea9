package dev.forewarn.probe.format;

import java.nio.charset.StandardCharsets;

/**
 * Prometheus floats and timestamps read straight from the bytes of an answer, without a String: the common case
 * (at most 15 significant digits and a small exponent) is exact by Clinger's fast path, the rare rest goes through
 * the JDK's conversion.
 */
final class ByteFloats {
    // Exact powers of ten: a decimal of at most 15 digits times one of them is correctly rounded (Clinger).
    private static final double[] POWERS = new double[23];
    private static final int SAFE_DIGITS = 15;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private ByteFloats() {
    }

    /** The float at {@code b[from, to)}, NaN when it is not a Prometheus float ({@link #isNaN} tells them apart). */
    static double parse(byte[] b, int from, int to) {
        int len = to - from;
        if (len > 400) {
            return Double.NaN;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (isWord(b, i, to, "inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        int intDigits = 0;
        int fracDigits = 0;
        boolean precise = true;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            if (mantissa != 0 || b[i] != '0') {
                if (digits < SAFE_DIGITS) {
                    mantissa = mantissa * 10 + (b[i] - '0');
                    digits++;
                } else {
                    precise = false;
                    scale++;
                }
            }
            intDigits++;
            i++;
        }
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (mantissa != 0 || b[i] != '0') {
                    if (digits < SAFE_DIGITS) {
                        mantissa = mantissa * 10 + (b[i] - '0');
                        digits++;
                        scale--;
                    } else {
                        precise = false;
                    }
                } else {
                    scale--;
                }
                fracDigits++;
                i++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        int exponent = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                negativeExponent = b[i] == '-';
                i++;
            }
            int expStart = i;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (exponent < 10_000) {
                    exponent = exponent * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == expStart) {
                return Double.NaN;
            }
            exponent = negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            return Double.NaN;
        }
        int power = scale + exponent;
        double value;
        if (mantissa == 0) {
            value = 0.0;
        } else if (precise && power >= -22 && power <= 22) {
            value = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
        } else {
            // Rare (more than 15 significant digits or a far exponent): the JDK's exact conversion.
            value = Double.parseDouble(new String(b, from, len, StandardCharsets.ISO_8859_1));
            return value;
        }
        return negative ? -value : value;
    }

    /** Whether {@code b[from, to)} spells NaN in any letter case. */
    static boolean isNaN(byte[] b, int from, int to) {
        return isWord(b, from, to, "nan");
    }

    private static boolean isWord(byte[] b, int from, int to, String word) {
        if (to - from != word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((b[from + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code b[from, to)} is an integer of milliseconds (a sample's optional timestamp). */
    static boolean isTimestamp(byte[] b, int from, int to) {
        int i = from < to && b[from] == '-' ? from + 1 : from;
        if (i == to || to - i > 18) {
            return false;
        }
        for (; i < to; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return true;
    }
}
