package io.propertyimages.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.propertyimages.batch.engine.BatchRuntimeBootstrap;

/** {@code /api/jobinstances?jobName=…}: a job's instances, most recent first. */
@Path("jobinstances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
@Tag(name = "jobinstances")
@APIResponse(responseCode = "401", ref = ApiApplication.UNAUTHORIZED)
public class JobInstancesResource {
    @Inject
    BatchRuntimeBootstrap batch;

    @GET
    @Operation(summary = "A job's instances, most recent first, a page at a time")
    @APIResponseSchema(value = JobInstanceView[].class, responseCode = "200", responseDescription = "The instances")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    public List<JobInstanceView> instances(@QueryParam("jobName") String jobName,
                                           @QueryParam("start") @DefaultValue("0") int start,
                                           @QueryParam("count") @DefaultValue("20") int count) {
        if (jobName == null || jobName.isBlank()) {
            throw new ApiException(Status.BAD_REQUEST, "query parameter jobName is required");
        }
        if (start < 0 || count < 1 || count > 1000) {
            throw new ApiException(Status.BAD_REQUEST, "start must be 0 or more and count from 1 to 1000");
        }
        JobOperator operator = batch.jobOperator();
        return operator.getJobInstances(jobName, start, count).stream().map(instance -> view(operator, instance)).toList();
    }

    private static JobInstanceView view(JobOperator operator, JobInstance instance) {
        List<JobExecution> executions = operator.getJobExecutions(instance);
        long latest = executions.stream().mapToLong(JobExecution::getExecutionId).max().orElse(0);
        return new JobInstanceView(instance.getInstanceId(), instance.getJobName(), executions.size(), latest);
    }
}
