package dev.forewarn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns client errors into an {@link ApiError} body instead of an HTML page or a stack trace. */
public class ApiExceptionMappers {

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
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(ApiError.of("malformed JSON body" + where + ": " + e.getOriginalMessage())).build();
    }
}
