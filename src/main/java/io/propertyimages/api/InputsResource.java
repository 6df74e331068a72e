package io.propertyimages.api;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import io.propertyimages.input.InputFormatException;
import io.propertyimages.input.InputTooLargeException;
import io.propertyimages.input.InputUploads.Format;
import io.propertyimages.input.StoredInput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/inputs}: an input file sent in the body is kept on the server (inputs.root), checked as a start
 * request checks its input, so that a client on another machine can pass its path as {@code input}.
 */
@Path("inputs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "inputs")
@APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
public class InputsResource {
    private static final MediaType CSV = new MediaType("text", "csv");

    @Inject
    InputsFolder folder;

    @Context
    HttpHeaders headers;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Keeps the input file in the body (Content-Type application/json or text/csv; name: its file name)"
            + " on the server, checked as a start request checks it; its path is then download-images' input")
    @APIResponseSchema(value = InputView.class, responseCode = "201", responseDescription = "The path of the file kept, and what it holds")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    @APIResponse(responseCode = "413", description = "The body is larger than inputs.max.bytes")
    @APIResponse(responseCode = "415", description = "The Content-Type is neither application/json nor text/csv")
    public Response upload(@QueryParam("name") String name, InputStream body) throws IOException {
        Format format = formatOf(headers.getMediaType());
        try {
            StoredInput stored = folder.uploads().store(body, headers.getLength(), format, name);
            return Response.status(Status.CREATED)
                    .entity(new InputView(stored.file().toString(), stored.summary().properties(), stored.summary().urls()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST, e.getMessage());
        } catch (InputFormatException e) {
            throw new ApiException(Status.BAD_REQUEST, "input: " + e.getMessage());
        } catch (InputTooLargeException e) {
            throw new ApiException(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
        }
    }

    private static Format formatOf(MediaType type) {
        if (is(type, MediaType.APPLICATION_JSON_TYPE)) {
            return Format.JSON;
        }
        if (is(type, CSV)) {
            return Format.CSV;
        }
        throw new ApiException(Status.UNSUPPORTED_MEDIA_TYPE, "send the input file with Content-Type application/json or "
                + "text/csv, found " + (type == null ? "none" : type.getType() + "/" + type.getSubtype()));
    }

    /** Same type and subtype, whatever the parameters ({@code charset}); no wildcards. */
    private static boolean is(MediaType type, MediaType wanted) {
        return type != null && type.getType().equalsIgnoreCase(wanted.getType())
                && type.getSubtype().equalsIgnoreCase(wanted.getSubtype());
    }
}
