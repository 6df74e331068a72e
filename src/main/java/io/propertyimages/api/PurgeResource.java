package io.propertyimages.api;

import java.sql.SQLException;
import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.propertyimages.batch.engine.ExecutionPurger;
import io.propertyimages.executions.PurgeResult;

/** {@code /api/purge}: deletes the job repository's records of old executions. */
@Path("purge")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "purge")
@APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
public class PurgeResource {
    @Inject
    ExecutionPurger purger;

    private final Clock clock = Clock.systemUTC();

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Deletes executions of these statuses (default: all ended ones) that ended more than olderThanDays"
            + " (default 30) ago, with their steps, failures and logs, and job instances left without executions;"
            + " running executions are never purged")
    @APIResponseSchema(value = PurgeResult.class, responseCode = "200", responseDescription = "How many records were deleted")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    public PurgeResult purge(String body) throws SQLException {
        return purger.purge(PurgeRequest.parse(body, clock.instant()));
    }
}
