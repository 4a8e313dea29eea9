package dev.forewarn.notify.email;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.TemplateLocator.TemplateLocation;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Standalone Qute engines for plain JUnit tests, configured the way Quarkus configures its injected engine. */
final class NoticeEngines {

    private NoticeEngines() {
    }

    /** Reads templates from {@code templates/} on the classpath, escapes text/html and fails on unknown expressions. */
    static Engine classpath() {
        return base().addLocator(NoticeEngines::locate).build();
    }

    /** An engine that knows no templates at all. */
    static Engine empty() {
        return base().build();
    }

    private static EngineBuilder base() {
        return Engine.builder()
                .addDefaults()
                .strictRendering(true)
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)));
    }

    private static Optional<TemplateLocation> locate(String id) {
        String path = "templates/" + id;
        try (InputStream in = NoticeEngines.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                return Optional.empty();
            }
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String contentType = id.endsWith(".html") ? Variant.TEXT_HTML : Variant.TEXT_PLAIN;
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    return new StringReader(content);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.of(Variant.forContentType(contentType));
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }
}
