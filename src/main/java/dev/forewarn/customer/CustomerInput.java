package dev.forewarn.customer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.security.InputRules;
import dev.forewarn.rest.ApiError;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A customer as the API and the import file give it.
 *
 * @param id       stable id of the customer (letters, digits, '-', '_', '.'; up to 64)
 * @param name     display name used in notices
 * @param emails   notice addresses (1 to 20)
 * @param language {@code en} or {@code zh-CN}
 * @param timeZone IANA time zone for times in notices, e.g. {@code Europe/Berlin}
 * @param regions  ids of the regions the customer runs traffic in
 */
@Schema(example = """
        {"id": "acme-classes", "name": "Acme Online Classes", "emails": ["noc@acme-classes.example"],
        "language": "en", "timeZone": "Europe/Berlin", "regions": ["eu-central"]}""")
public record CustomerInput(String id, String name, List<String> emails, String language, String timeZone,
                            List<String> regions) {
    public static final Set<String> LANGUAGES = Set.of("en", "zh-CN");
    /** Most regions one customer may list. */
    public static final int MAX_REGIONS = 500;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    // Deliberately simple: one @, no spaces, a dot in the domain; the SMTP server is the final judge.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>,;\"]{1,64}@[^@\\s<>,;\"]+\\.[^@\\s<>,;\".]{2,}");

    /** Every problem with this input, each naming its field; empty when valid. */
    public List<ApiError.FieldError> problems(Set<String> knownRegions) {
        List<ApiError.FieldError> out = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            out.add(new ApiError.FieldError("id", "must be 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            out.add(new ApiError.FieldError("name", "must be non-blank and at most 200 characters"));
        } else {
            // A CR/LF in a name copied into an email could forge headers ("Bcc:"); a NUL cannot be stored.
            InputRules.line(name, 200).ifPresent(p -> out.add(new ApiError.FieldError("name", p)));
        }
        if (emails == null || emails.isEmpty() || emails.size() > 20) {
            out.add(new ApiError.FieldError("emails", "must list 1 to 20 addresses"));
        } else {
            for (int i = 0; i < emails.size(); i++) {
                String e = emails.get(i);
                if (e == null || e.length() > 254 || !EMAIL.matcher(e).matches() || InputRules.line(e, 254).isPresent()) {
                    out.add(new ApiError.FieldError("emails[" + i + "]", "is not an email address"));
                }
            }
        }
        if (timeZone != null && timeZone.length() > 64) {
            out.add(new ApiError.FieldError("timeZone", "is longer than 64 characters"));
        }
        if (language == null || !LANGUAGES.contains(language)) {
            out.add(new ApiError.FieldError("language", "must be one of " + LANGUAGES));
        }
        if (timeZone == null) {
            out.add(new ApiError.FieldError("timeZone", "is required (IANA zone such as Europe/Berlin)"));
        } else if (timeZone.length() <= 64) {
            try {
                ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                out.add(new ApiError.FieldError("timeZone", "is not a known time zone: " + timeZone));
            }
        }
        if (regions == null || regions.isEmpty()) {
            out.add(new ApiError.FieldError("regions", "must list at least one region"));
        } else if (regions.size() > MAX_REGIONS) {
            out.add(new ApiError.FieldError("regions", "must list at most " + MAX_REGIONS + " regions"));
        } else {
            for (int i = 0; i < regions.size(); i++) {
                if (!knownRegions.contains(regions.get(i))) {
                    out.add(new ApiError.FieldError("regions[" + i + "]", "unknown region '" + regions.get(i)
                            + "'"));
                }
            }
        }
        return out;
    }
}
