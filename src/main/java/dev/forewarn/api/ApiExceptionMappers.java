package dev.forewarn.api;

import dev.forewarn.rest.ApiError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import org.jboss.logging.Logger;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns client errors into an {@link ApiError} body instead of an HTML page or a stack trace. */
public class ApiExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = status >= 500 ? "internal error" : e.getMessage();
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(ApiError.of(message)).build();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
        String field = e instanceof JsonMappingException m ? field(m) : "";
        String message = "malformed JSON body" + where + ": " + clip(e.getOriginalMessage());
        return Response.status(400).type(MediaType.APPLICATION_JSON).entity(field.isEmpty() ? ApiError.of(message)
                : new ApiError(message, List.of(new ApiError.FieldError(field, "has the wrong type or form"))))
                .build();
    }

    /**
     * Anything else: PostgreSQL unable to serve (out of connections, restarting) is 503 with Retry-After, since
     * nothing was stored and trying again shortly will work; the rest is a bug, logged once with its stack.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.is(e)) {
            LOG.warnf("API request answered 503: the database is unavailable (%s)", clip(String.valueOf(e)));
            return Response.status(503).header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .type(MediaType.APPLICATION_JSON).entity(ApiError.of("the database is unavailable; nothing "
                            + "was stored, retry in " + DatabaseUnavailable.RETRY_AFTER_SECONDS + " s")).build();
        }
        LOG.error("API request failed unexpectedly", e);
        return Response.status(500).type(MediaType.APPLICATION_JSON).entity(ApiError.of("internal error")).build();
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String clip(String text) {
        String t = String.valueOf(text);
        return t.length() <= 300 ? t : t.substring(0, 300) + "…";
    }
}
