package io.propertyimages.api;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;
import io.propertyimages.batch.engine.JobExecutions;

/** {@code /api/jobs}: the jobs there are, and starting one. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
@Tag(name = "jobs")
@APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
public class JobsResource {
    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    JobCatalog catalog;

    @Inject
    JobParameterRules rules;

    @Inject
    JobExecutions executions;

    @Inject
    ExecutionViews views;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "The jobs there are, with their instance counts and running executions")
    @APIResponseSchema(value = JobView[].class, responseCode = "200", responseDescription = "The jobs")
    public List<JobView> jobs() {
        return catalog.jobNames().stream().map(name -> new JobView(name,
                batch.jobRepository().getJobInstanceCount(name),
                executions.runningIds(name).stream().mapToLong(Long::longValue).toArray()))
                .toList();
    }

    /** Starts a job with the JSON object of job parameters in the body; 201 with the new execution. */
    @POST
    @Path("{jobName}/start")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Starts a job with the JSON object of job parameters in the body; 201 with the execution and its Location")
    @APIResponseSchema(value = JobExecutionView.class, responseCode = "201", responseDescription = "The new execution; Location is its URL")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    public Response start(@PathParam("jobName") String jobName, String body) {
        catalog.requireJob(jobName);
        Properties parameters = rules.check(jobName, JsonParameters.parse(body));
        long executionId = batch.jobOperator().start(jobName, parameters);
        URI location = JobExecutionsResource.uriOf(uriInfo, executionId);
        return Response.created(location).entity(views.of(executions.execution(executionId), location)).build();
    }
}
