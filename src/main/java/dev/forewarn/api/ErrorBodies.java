package dev.forewarn.api;

import dev.forewarn.rest.ApiError;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * Gives every 4xx answer an operation declares without a body the body every 4xx answer of the API has,
 * {@link ApiError} (with its example), so each resource names its 4xx statuses in one line each. The ApiError
 * schema is in the document's components because the ticket webhook's 400 names it; OpenApiDocumentQuarkusTest
 * fails if a 4xx body ever points at nothing.
 */
public class ErrorBodies implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getResponses() == null || op.getResponses().getAPIResponses() == null) {
                return;
            }
            op.getResponses().getAPIResponses().forEach((status, response) -> {
                boolean bodiless = response.getContent() == null || response.getContent().getMediaTypes() == null
                        || response.getContent().getMediaTypes().isEmpty();
                if (status.startsWith("4") && bodiless) {
                    response.setContent(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("ApiError"))));
                }
            });
        }));
    }
}
