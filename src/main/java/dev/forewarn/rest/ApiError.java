package dev.forewarn.rest;

import java.util.List;

/** The body of every 4xx answer: what is wrong, field by field. */
public record ApiError(String error, List<FieldError> fields) {

    /** One offending field. */
    public record FieldError(String field, String message) {
    }

    public static ApiError of(String error) {
        return new ApiError(error, List.of());
    }
}
