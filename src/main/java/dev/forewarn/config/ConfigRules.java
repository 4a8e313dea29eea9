package dev.forewarn.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Small rules every feature's configuration check shares; each failure names the key, never the value. */
public final class ConfigRules {
    private ConfigRules() {
    }

    /** A positive duration, or a start-up failure naming the key. */
    public static void positive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalStateException(key + " must be positive but was " + d);
        }
    }

    /** An absolute http(s) URL, or a start-up failure naming the key. */
    public static URI httpUrl(String url, String key) {
        try {
            URI uri = URI.create(url.strip());
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // Reported below like any other unusable URL.
        }
        throw new IllegalStateException(key + " must be an absolute http(s) URL");
    }

    /** A non-blank value, or a start-up failure naming the key. */
    public static String required(Optional<String> value, String key) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(key + " is required"));
    }

    /** A secret of at least {@code min} characters when given, or a start-up failure naming the key. */
    public static void longEnough(Optional<String> secret, int min, String key) {
        if (secret.filter(s -> s.strip().length() < min).isPresent()) {
            throw new IllegalStateException(key + " must be at least " + min + " characters");
        }
    }

    /** Runs one rule and adds its failure to {@code problems}, for checks that report every problem at once. */
    public static void collect(java.util.List<String> problems, Runnable rule) {
        try {
            rule.run();
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
    }

    /** Adds a problem naming {@code key} unless {@code url} is given and is an absolute http(s) URL. */
    public static void requiredHttpUrl(java.util.List<String> problems, Optional<String> url, String key) {
        collect(problems, () -> httpUrl(required(url, key), key));
    }

    /**
     * The entries of one integration type's settings whose {@code type} is {@code wanted} (ignoring case and
     * surrounding blanks), by source name: each type's settings mapping sees every source and keeps its own.
     */
    public static <S> java.util.Map<String, S> ofType(java.util.Map<String, S> sources,
                                                     java.util.function.Function<S, java.util.Optional<String>> type,
                                                     String wanted) {
        java.util.Map<String, S> mine = new java.util.TreeMap<>();
        sources.forEach((name, s) -> {
            if (type.apply(s).filter(t -> t.strip().equalsIgnoreCase(wanted)).isPresent()) {
                mine.put(name, s);
            }
        });
        return mine;
    }
}
