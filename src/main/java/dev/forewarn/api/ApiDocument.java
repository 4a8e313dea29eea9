package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The OpenAPI document's header: what the API is and how to authenticate (an API key as a bearer token or in
 * X-Api-Key; the two inbound webhooks authenticate by their HMAC signature instead).
 */
@OpenAPIDefinition(
        info = @Info(title = "Forewarn API", version = "1",
                description = "Regions and their network quality, region incidents and customer notices, support "
                        + "tickets with their SLA clocks, pages and on-call schedules. Lists answer a JSON array and "
                        + "page with a cursor: X-Total-Count, X-Next-Cursor and Link rel=next headers."),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "apiKey")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "An API key (forewarn.security.api-keys) as `Authorization: Bearer <key>`."),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY,
                apiKeyName = "X-Api-Key", in = SecuritySchemeIn.HEADER,
                description = "The same API key in the X-Api-Key header.")})
public final class ApiDocument {
    private ApiDocument() {
    }
}
