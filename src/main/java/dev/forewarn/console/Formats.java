package dev.forewarn.console;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Number formats for the console's templates: {@code {x.fixed2}}, {@code {share.percent}}. */
@TemplateExtension
public final class Formats {
    private Formats() {
    }

    /** Two decimals, or a dash for no value. */
    static String fixed2(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** A whole number, or a dash for no value. */
    static String whole(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f", value);
    }

    /** A 0..1 share as a percentage. */
    static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.0f %%", value * 100);
    }
}
