package io.propertyimages.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
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

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;

import org.jberet.runtime.PartitionExecutionImpl;
import org.jberet.runtime.StepExecutionImpl;

/** {@code /api/jobexecutions}: executions, their steps, and restart, stop and abandon. */
@Path("jobexecutions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
public class JobExecutionsResource {
    @Inject
    BatchRuntimeBootstrap batch;

    @Inject
    JobCatalog catalog;

    @Inject
    JobParameterRules rules;

    @Context
    UriInfo uriInfo;

    /** Executions, most recent first, of one job or all, optionally of one batch status. */
    @GET
    public List<JobExecutionView> executions(@QueryParam("jobName") String jobName,
                                             @QueryParam("status") String status,
                                             @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new ApiException(Status.BAD_REQUEST, "limit must be from 1 to 10000");
        }
        BatchStatus wanted = status == null ? null : batchStatus(status);
        Set<String> jobNames = jobName == null ? catalog.jobNames() : Set.of(jobName);
        JobOperator operator = batch.jobOperator();
        List<JobExecution> executions = new ArrayList<>();
        for (String name : jobNames) {
            for (Long id : batch.jobRepository().getJobExecutionsByJob(name, wanted == null ? limit : null)) {
                JobExecution execution = operator.getJobExecution(id);
                if (wanted == null || execution.getBatchStatus() == wanted) {
                    executions.add(execution);
                }
            }
        }
        return executions.stream()
                .sorted(Comparator.comparingLong(JobExecution::getExecutionId).reversed())
                .limit(limit)
                .map(execution -> view(operator, execution, uriOf(uriInfo, execution.getExecutionId())))
                .toList();
    }

    @GET
    @Path("{executionId}")
    public JobExecutionView execution(@PathParam("executionId") long executionId) {
        JobOperator operator = batch.jobOperator();
        return view(operator, operator.getJobExecution(executionId), uriOf(uriInfo, executionId));
    }

    @GET
    @Path("{executionId}/stepexecutions")
    public List<StepExecutionView> stepExecutions(@PathParam("executionId") long executionId) {
        JobOperator operator = batch.jobOperator();
        operator.getJobExecution(executionId);
        return operator.getStepExecutions(executionId).stream().map(this::stepView).toList();
    }

    /** Restarts a stopped or failed execution from its checkpoints; the body may override job parameters. */
    @POST
    @Path("{executionId}/restart")
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response restart(@PathParam("executionId") long executionId, String body) {
        JobOperator operator = batch.jobOperator();
        JobExecution original = operator.getJobExecution(executionId);
        Properties parameters = new Properties();
        parameters.putAll(original.getJobParameters());
        parameters.putAll(JsonParameters.parse(body));
        parameters = rules.check(original.getJobName(), parameters);
        rules.requireKeptOnRestart(original.getJobName(), original.getJobParameters(), parameters);
        long restartedId = operator.restart(executionId, parameters);
        URI location = uriOf(uriInfo, restartedId);
        return Response.created(location).entity(view(operator, operator.getJobExecution(restartedId), location)).build();
    }

    @POST
    @Path("{executionId}/stop")
    @RolesAllowed(Roles.ADMIN)
    public JobExecutionView stop(@PathParam("executionId") long executionId) {
        JobOperator operator = batch.jobOperator();
        operator.stop(executionId);
        return view(operator, operator.getJobExecution(executionId), uriOf(uriInfo, executionId));
    }

    @POST
    @Path("{executionId}/abandon")
    @RolesAllowed(Roles.ADMIN)
    public JobExecutionView abandon(@PathParam("executionId") long executionId) {
        JobOperator operator = batch.jobOperator();
        operator.abandon(executionId);
        return view(operator, operator.getJobExecution(executionId), uriOf(uriInfo, executionId));
    }

    static URI uriOf(UriInfo uriInfo, long executionId) {
        return uriInfo.getBaseUriBuilder().path(JobExecutionsResource.class).path(Long.toString(executionId)).build();
    }

    static JobExecutionView view(JobOperator operator, JobExecution execution, URI href) {
        long instanceId = operator.getJobInstance(execution.getExecutionId()).getInstanceId();
        return JobExecutionView.of(execution, instanceId, href.toString());
    }

    private StepExecutionView stepView(StepExecution step) {
        List<StepExecutionView.PartitionView> partitions = List.of();
        if (step instanceof StepExecutionImpl impl) {
            partitions = batch.jobRepository()
                    .getPartitionExecutions(step.getStepExecutionId(), impl, false, getClass().getClassLoader())
                    .stream()
                    .sorted(Comparator.comparingInt(PartitionExecutionImpl::getPartitionId))
                    .map(p -> new StepExecutionView.PartitionView(p.getPartitionId(), String.valueOf(p.getBatchStatus()),
                            p.getExitStatus(), StepExecutionView.metrics(p.getMetrics())))
                    .toList();
        }
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
