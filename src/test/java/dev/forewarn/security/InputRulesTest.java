package dev.forewarn.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // an ordinary name
            "Acme Classes                  | NULL",
            // a NUL byte PostgreSQL cannot store
            "Acme\\u0000                   | contains a control character (U+0000)",
            // CR/LF that would forge a mail header
            "Acme\\r\\nBcc: x@evil.example | contains a control character (U+000D)",
            // a Unicode line separator
            "a\\u2028b                     | contains a line separator",
            // an unpaired surrogate (no valid UTF-8 decodes to it)
            "a\\ud800b                     | is not valid Unicode (invalid UTF-8 or an unpaired surrogate)",
            // a proper surrogate pair (an emoji) is fine
            "call \\ud83d\\udcde           | NULL",
            // longer than allowed
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | is longer than 40 characters",
    })
    void aLineIsShortPrintableUnicode(String escaped, String problem) {
        String text = unescape(escaped.strip());
        assertThat(InputRules.line(text, 40).orElse(null)).isEqualTo(problem);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // now
            "2026-03-02T08:00:00Z         | NULL",
            // the earliest accepted instant
            "2000-01-01T00:00:00Z         | NULL",
            // before the service existed
            "1999-12-31T23:59:59Z         | is before 2000-01-01T00:00:00Z",
            // the poisoned date
            "-999999999-01-01T00:00:00Z   | is before 2000-01-01T00:00:00Z",
            // a year ahead is still a plan
            "2027-03-02T08:00:00Z         | NULL",
            // far ahead is a bug
            "+999999999-12-31T23:59:59Z   | is more than 366 days in the future",
    })
    void anInstantLiesBetween2000AndAYearFromNow(String at, String problem) {
        assertThat(InputRules.instant(java.time.OffsetDateTime.parse(at.strip()).toInstant(), NOW).orElse(null))
                .isEqualTo(problem);
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        assertThat(InputRules.utf8(new byte[] {'i', 'd', (byte) 0xFF, (byte) 0xFE})).isEmpty();
        assertThat(InputRules.utf8("T-1 \u00e9".getBytes(StandardCharsets.UTF_8))).contains("T-1 \u00e9");
        assertThat(InputRules.id("T-\uFFFD")).isPresent();
    }

    @Test
    void cleaningKeepsTextReadableAndBounded() {
        assertThat(InputRules.clean("a\u0000b\r\nc\ud800", 100)).isEqualTo("a b  c\uFFFD");
        // a pair is never cut in half
        assertThat(InputRules.clean("ab\ud83d\udcde", 3)).isEqualTo("ab");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && s.charAt(i + 1) == 'u') {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else if (c == '\\' && s.charAt(i + 1) == 'r') {
                out.append('\r');
                i++;
            } else if (c == '\\' && s.charAt(i + 1) == 'n') {
                out.append('\n');
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
