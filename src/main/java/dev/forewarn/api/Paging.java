package dev.forewarn.api;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Cursor pagination shared by every list: the body stays a JSON array (so existing clients keep working) and the
 * headers carry the rest — {@code X-Total-Count} (rows matching the filters, all pages together),
 * {@code X-Next-Cursor} and {@code Link: <…>; rel="next"} while more rows follow. A cursor is opaque: the sort key of
 * the last row returned, signed by nothing but checked strictly, so a bad one is a 400 naming {@code cursor}.
 */
public final class Paging {
    public static final int MAX_LIMIT = 1000;

    private Paging() {
    }

    /** A page of rows and the cursor of the next one (null on the last page). */
    public record Page<T>(List<T> items, long total, String nextCursor) {
    }

    /** Checks {@code limit} (1..1000). */
    public static int limit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** An opaque cursor of {@code kind} holding the sort key of the last row returned. */
    public static String cursor(String kind, String... key) {
        StringBuilder raw = new StringBuilder(kind);
        for (String part : key) {
            raw.append('.').append(part == null ? "~" : Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(part.getBytes(StandardCharsets.UTF_8)));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key in a cursor of {@code kind} with {@code parts} parts (null parts stay null); 400 if it is not one. */
    public static String[] key(String cursor, String kind, int parts) {
        if (cursor == null) {
            return null;
        }
        try {
            if (cursor.length() > 1024) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] split = raw.split("\\.", -1);
            if (split.length != parts + 1 || !split[0].equals(kind)) {
                throw new IllegalArgumentException("not a " + kind + " cursor");
            }
            String[] key = new String[parts];
            for (int i = 0; i < parts; i++) {
                key[i] = split[i + 1].equals("~") ? null
                        : new String(Base64.getUrlDecoder().decode(split[i + 1]), StandardCharsets.UTF_8);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("cursor is not a cursor this list returned (take it from X-Next-Cursor)");
        }
    }

    /** A number inside a cursor; 400 naming {@code cursor} when it is not one. */
    public static long number(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException("cursor is not a cursor this list returned (take it from X-Next-Cursor)");
        }
    }

    /** The 200 answer for a page: the rows as the body, the total and the next page in the headers. */
    public static <T> RestResponse<List<T>> answer(Page<T> page, UriInfo uri) {
        RestResponse.ResponseBuilder<List<T>> b = RestResponse.ResponseBuilder.ok(page.items())
                .header("X-Total-Count", page.total());
        if (page.nextCursor() != null) {
            String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor())
                    .replaceQueryParam("page").build().toString();
            b.header("X-Next-Cursor", page.nextCursor()).header("Link", "<" + next + ">; rel=\"next\"");
        }
        return b.build();
    }

    /** {@code rows} cut to {@code limit}: the page, and whether a further row exists (one more was fetched). */
    public static <T> List<T> cut(List<T> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }
}
