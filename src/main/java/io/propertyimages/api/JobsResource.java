package io.propertyimages.api;

import java.net.URI;
import java.util.List;
import java.util.Properties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
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

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;

/** {@code /api/jobs}: the jobs there are, and starting one. */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
public class JobsResource {
    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    JobCatalog catalog;

    @Inject
    JobParameterRules rules;

    @Context
    UriInfo uriInfo;

    @GET
    public List<JobView> jobs() {
        return catalog.jobNames().stream().map(name -> new JobView(name,
                batch.jobRepository().getJobInstanceCount(name),
                batch.jobRepository().getRunningExecutions(name).stream().mapToLong(Long::longValue).toArray()))
                .toList();
    }

    /** Starts a job with the JSON object of job parameters in the body; 201 with the new execution. */
    @POST
    @Path("{jobName}/start")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response start(@PathParam("jobName") String jobName, String body) {
        catalog.requireJob(jobName);
        Properties parameters = rules.check(jobName, JsonParameters.parse(body));
        JobOperator operator = batch.jobOperator();
        long executionId = operator.start(jobName, parameters);
        URI location = JobExecutionsResource.uriOf(uriInfo, executionId);
        return Response.created(location)
                .entity(JobExecutionsResource.view(operator, operator.getJobExecution(executionId), location))
                .build();
    }
}
