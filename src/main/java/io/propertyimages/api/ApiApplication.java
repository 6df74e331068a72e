package io.propertyimages.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API over the JobOperator, with JBeret REST's resource names, under {@code /api}. Its OpenAPI document
 * ({@code /openapi}) names HTTP Basic as its security and the error answers the resources refer to by name.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "property-images", version = "1.0",
                description = "Jakarta Batch jobs that download listing photos as JPEG: start, follow, stop, restart, purge."
                        + " An admin (role batchAdmin) may do everything, a monitor (batchMonitor) only reads."),
        security = @SecurityRequirement(name = ApiApplication.BASIC_AUTH),
        components = @Components(
                securitySchemes = @SecurityScheme(securitySchemeName = ApiApplication.BASIC_AUTH,
                        type = SecuritySchemeType.HTTP, scheme = "basic"),
                responses = {
                        @APIResponse(name = ApiApplication.BAD_REQUEST, responseCode = "400",
                                description = "A parameter or the body is wrong; the message names it",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMessage.class))),
                        @APIResponse(name = ApiApplication.UNAUTHORIZED, responseCode = "401",
                                description = "No or wrong credentials",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMessage.class))),
                        @APIResponse(name = ApiApplication.FORBIDDEN, responseCode = "403",
                                description = "The user's role may not do this (a monitor only reads)",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMessage.class))),
                        @APIResponse(name = ApiApplication.NOT_FOUND, responseCode = "404",
                                description = "No such job or execution",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMessage.class))),
                        @APIResponse(name = ApiApplication.CONFLICT, responseCode = "409",
                                description = "The execution is not in a state that allows this",
                                content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMessage.class)))}))
public class ApiApplication extends Application {
    static final String BASIC_AUTH = "basic";
    static final String BAD_REQUEST = "BadRequest";
    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String CONFLICT = "Conflict";
}
