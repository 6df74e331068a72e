package io.propertyimages.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.StepExecution;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;
import io.propertyimages.batch.engine.JobExecutions;
import io.propertyimages.executions.ExecutionServers;
import io.propertyimages.executions.FailedImageStore;
import io.propertyimages.executions.JobLog;
import io.propertyimages.executions.PartitionRuns;

import org.jberet.runtime.PartitionExecutionImpl;

/** {@code /api/jobexecutions}: executions, their progress, steps and failures, and restart, stop and abandon. */
@Path("jobexecutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
@Tag(name = "jobexecutions")
@APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
public class JobExecutionsResource {
    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    JobExecutions executions;

    @Inject
    ExecutionServers servers;

    @Inject
    PartitionRuns partitionRuns;

    @Inject
    JobCatalog catalog;

    @Inject
    JobParameterRules rules;

    @Inject
    ExecutionViews views;

    @Inject
    FailedImageStore failedImages;

    @Inject
    JobLog jobLog;

    @Context
    UriInfo uriInfo;

    /** Executions, most recent first, of one job or all, optionally of one batch status. */
    @GET
    @Operation(summary = "Executions, most recent first, of one job or all, optionally of one batch status")
    @APIResponseSchema(value = JobExecutionView[].class, responseCode = "200", responseDescription = "The executions")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    public List<JobExecutionView> executions(@QueryParam("jobName") String jobName,
                                             @QueryParam("status") String status,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new ApiException(Status.BAD_REQUEST, "limit must be from 1 to 10000");
        }
        BatchStatus wanted = status == null ? null : batchStatus(status);
        Set<String> jobNames = jobName == null ? catalog.jobNames() : Set.of(jobName);
        List<JobExecution> found = new ArrayList<>();
        for (String name : jobNames) {
            for (Long id : batch.jobRepository().getJobExecutionsByJob(name, wanted == null ? limit : null)) {
                JobExecution execution = executions.execution(id);
                if (wanted == null || execution.getBatchStatus() == wanted) {
                    found.add(execution);
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                .limit(limit)
                .map(execution -> views.of(execution, uriOf(uriInfo, execution.getExecutionId())))
                .toList();
    }

    @GET
    @Path("{executionId}")
    @Operation(summary = "One execution, with its progress while it runs and after (download-images)")
    @APIResponseSchema(value = JobExecutionView.class, responseCode = "200", responseDescription = "The execution")
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    public JobExecutionView execution(@PathParam("executionId") long executionId) {
        return views.of(executions.execution(executionId), uriOf(uriInfo, executionId));
    }

    /** The URLs that failed in this execution, oldest first, a page at a time. */
    @GET
    @Path("{executionId}/failures")
    @Operation(summary = "The URLs that failed in this execution with their reasons, oldest first, a page at a time")
    @APIResponseSchema(value = FailedImagesView.class, responseCode = "200", responseDescription = "A page of the failures")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    public FailedImagesView failures(@PathParam("executionId") long executionId, @QueryParam("start") String start,
                                     @QueryParam("count") String count) {
        Paging paging = Paging.of(start, count);
        executions.execution(executionId);
        return new FailedImagesView(executionId, failedImages.count(executionId), paging.start(),
                failedImages.page(executionId, paging.start(), paging.count()));
    }

    @GET
    @Path("{executionId}/log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The execution's own log lines, oldest first: started, per-property summaries, failures, ended")
    @APIResponse(responseCode = "200", description = "One line per message: time, level, message",
            content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    public String log(@PathParam("executionId") long executionId) {
        executions.execution(executionId);
        return jobLog.lines(executionId).stream().map(line -> line + "\n").collect(Collectors.joining());
    }

    @GET
    @Path("{executionId}/stepexecutions")
    @Operation(summary = "The execution's steps with their metrics, exit status (the summary) and partitions")
    @APIResponseSchema(value = StepExecutionView[].class, responseCode = "200", responseDescription = "The steps")
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    public List<StepExecutionView> stepExecutions(@PathParam("executionId") long executionId) {
        executions.execution(executionId);
        String coordinator = servers.serverOf(executionId).orElse(null);
        return executions.stepExecutions(executionId).stream().map(step -> stepView(step, coordinator)).toList();
    }

    /** Restarts a stopped or failed execution from its checkpoints; the body may override job parameters. */
    @POST
    @Path("{executionId}/restart")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(summary = "Restarts a stopped or failed execution from its checkpoints; the body may override job parameters")
    @APIResponseSchema(value = JobExecutionView.class, responseCode = "201", responseDescription = "The new execution; Location is its URL")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiApplication.CONFLICT)
    public Response restart(@PathParam("executionId") long executionId, String body) {
        JobExecution original = executions.execution(executionId);
        if (executions.isRunning(executionId)) {
            throw new ApiException(Status.CONFLICT, "execution " + executionId + " is running (" + original.getBatchStatus()
                    + "); stop it first, or wait until it has ended");
        }
        Properties parameters = new Properties();
        parameters.putAll(original.getJobParameters());
        parameters.putAll(JsonParameters.parse(body));
        parameters = rules.check(original.getJobName(), parameters);
        rules.requireKeptOnRestart(original.getJobName(), original.getJobParameters(), parameters);
        long restartedId = executions.restart(executionId, parameters);
        URI location = uriOf(uriInfo, restartedId);
        return Response.created(location).entity(views.of(executions.execution(restartedId), location)).build();
    }

    @POST
    @Path("{executionId}/stop")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Stops a running execution after its current chunks")
    @APIResponseSchema(value = JobExecutionView.class, responseCode = "200", responseDescription = "The execution, stopping")
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiApplication.CONFLICT)
    public JobExecutionView stop(@PathParam("executionId") long executionId) {
        executions.stop(executionId);
        return views.of(executions.execution(executionId), uriOf(uriInfo, executionId));
    }

    @POST
    @Path("{executionId}/abandon")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Marks an ended execution ABANDONED, so it is never restarted")
    @APIResponseSchema(value = JobExecutionView.class, responseCode = "200", responseDescription = "The execution, abandoned")
    @APIResponse(responseCode = "403", ref = ApiApplication.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiApplication.NOT_FOUND)
    @APIResponse(responseCode = "409", ref = ApiApplication.CONFLICT)
    public JobExecutionView abandon(@PathParam("executionId") long executionId) {
        executions.abandon(executionId);
        return views.of(executions.execution(executionId), uriOf(uriInfo, executionId));
    }

    static URI uriOf(UriInfo uriInfo, long executionId) {
        return uriInfo.getBaseUriBuilder().path(JobExecutionsResource.class).path(Long.toString(executionId)).build();
    }

    /** A step with its partitions, each with the server that ran it: the coordinator's, unless another took it up. */
    private StepExecutionView stepView(StepExecution step, String coordinator) {
        Map<Integer, String> ranBy = new HashMap<>();
        partitionRuns.ofStep(step.getStepExecutionId()).forEach(run -> {
            if (run.serverId() != null) {
                ranBy.put(run.partition(), run.serverId());
            }
        });
        List<StepExecutionView.PartitionView> partitions = executions.partitions(step).stream()
                .sorted(Comparator.comparingInt(PartitionExecutionImpl::getPartitionId))
                .map(p -> new StepExecutionView.PartitionView(p.getPartitionId(), String.valueOf(p.getBatchStatus()),
                        p.getExitStatus(), StepExecutionView.metrics(p.getMetrics()),
                        ranBy.getOrDefault(p.getPartitionId(), coordinator)))
                .toList();
        return StepExecutionView.of(step, partitions);
    }

    private static BatchStatus batchStatus(String status) {
        try {
            return BatchStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(Status.BAD_REQUEST, "unknown status \"" + status + "\"; one of " + List.of(BatchStatus.values()));
        }
    }
}
