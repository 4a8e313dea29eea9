package dev.forewarn.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** The body of every 4xx answer: what is wrong, field by field. */
@Schema(example = """
        {"error": "invalid customer", "fields": [{"field": "emails[0]", "message": "is not an email address"}]}""")
public record ApiError(String error, List<FieldError> fields) {

    /** One offending field. */
    @Schema(example = """
            {"field": "emails[0]", "message": "is not an email address"}""")
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String error) {
        return new ApiError(error, List.of());
    }
}
