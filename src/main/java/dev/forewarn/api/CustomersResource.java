package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.forewarn.rest.ApiError;
import dev.forewarn.customer.CustomerInput;
import dev.forewarn.customer.CustomerRepository;
import dev.forewarn.customer.CustomerService;
import dev.forewarn.security.InputRules;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Customers, their notice addresses, language, time zone and regions. */
@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomersResource {
    /** The deepest row a page may start at. */
    static final long MAX_OFFSET = 1_000_000;

    @Inject
    CustomerRepository customers;
    @Inject
    CustomerService service;

    /** {@code page}/{@code size} (offset paging) still work; {@code limit}/{@code cursor} is the way to walk them all. */
    @GET
    @WithSession
    @Operation(summary = "Lists customers by id; X-Total-Count and X-Next-Cursor headers page through them.")
    public Uni<RestResponse<List<Views.CustomerView>>> list(@QueryParam("page") @DefaultValue("0") int page,
                                                            @QueryParam("size") Integer size,
                                                            @QueryParam("limit") Integer limit,
                                                            @QueryParam("cursor") String cursor,
                                                            @Context UriInfo uri) {
        if (page < 0) {
            throw new BadRequestException("page must be >= 0");
        }
        if (size != null && (size < 1 || size > Paging.MAX_LIMIT)) {
            throw new BadRequestException("size must be between 1 and " + Paging.MAX_LIMIT);
        }
        int n = Paging.limit(limit != null ? limit : size != null ? size : 100);
        String[] after = Paging.key(cursor, "customers", 1);
        String afterId = after == null ? null : after[0];
        // The offset (page × size) must stay an int for the query; no real customer list comes near it.
        if ((long) page * n > MAX_OFFSET) {
            throw new BadRequestException("page must be between 0 and " + MAX_OFFSET / n + " for size " + n
                    + "; walk the list with cursor instead");
        }
        int offset = afterId == null ? page * n : 0;
        return customers.count().chain(total -> customers.page(afterId, offset, n + 1).map(rows -> {
            var shown = Paging.cut(rows, n);
            String next = rows.size() > n ? Paging.cursor("customers", shown.get(shown.size() - 1).id) : null;
            return Paging.answer(new Paging.Page<>(shown.stream().map(Views.CustomerView::of).toList(), total, next),
                    uri);
        }));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Shows one customer with its notice addresses, language, time zone and regions.")
    public Uni<Views.CustomerView> get(@PathParam("id") String id) {
        InputRules.id(id).ifPresent(p -> {
            throw new BadRequestException("id " + p);
        });
        return customers.findById(id).map(c -> {
            if (c == null) {
                throw new NotFoundException("no customer '" + id + "'");
            }
            return Views.CustomerView.of(c);
        });
    }

    /** Creates or replaces a customer; the id in the path wins over one in the body. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates or replaces a customer; invalid fields are refused one by one.")
    @APIResponse(responseCode = "200", description = "The customer as stored",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Views.CustomerView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (named in fields)")
    public Uni<Response> put(@PathParam("id") String id, CustomerInput body) {
        if (body == null) {
            return Uni.createFrom().item(Response.status(400).entity(ApiError.of("a customer body is required"))
                    .build());
        }
        CustomerInput input = new CustomerInput(id, body.name(), body.emails(), body.language(), body.timeZone(),
                body.regions());
        var problems = service.problems(input);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(400)
                    .entity(new ApiError("invalid customer", problems)).build());
        }
        return service.upsert(input).map(c -> Response.ok(Views.CustomerView.of(c)).build());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Deletes a customer.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> delete(@PathParam("id") String id) {
        InputRules.id(id).ifPresent(p -> {
            throw new BadRequestException("id " + p);
        });
        return service.delete(id).map(deleted -> deleted ? Response.noContent().build()
                : Response.status(404).entity(ApiError.of("no customer '" + id + "'")).build());
    }
}
