package dev.forewarn.api;

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
import java.util.List;

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

    @GET
    @WithSession
    public Uni<List<Views.CustomerView>> list(@QueryParam("page") @DefaultValue("0") int page,
                                              @QueryParam("size") @DefaultValue("100") int size) {
        if (size < 1 || size > 1000) {
            throw new BadRequestException("size must be between 1 and 1000");
        }
        // The offset (page × size) must stay an int for the query; no real customer list comes near it.
        if (page < 0 || (long) page * size > MAX_OFFSET) {
            throw new BadRequestException("page must be between 0 and " + MAX_OFFSET / size + " for size " + size);
        }
        return customers.page(page, size).map(l -> l.stream().map(Views.CustomerView::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
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
    public Uni<Response> delete(@PathParam("id") String id) {
        InputRules.id(id).ifPresent(p -> {
            throw new BadRequestException("id " + p);
        });
        return service.delete(id).map(deleted -> deleted ? Response.noContent().build()
                : Response.status(404).entity(ApiError.of("no customer '" + id + "'")).build());
    }
}
