package io.propertyimages.api;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;

import io.propertyimages.batch.engine.JobExecutions;
import io.propertyimages.schedule.Schedule;
import io.propertyimages.schedule.ScheduleDefinition;
import io.propertyimages.schedule.Scheduler;

/** {@code /api/schedules}: jobs started by a cron expression or at an interval, each run a normal job execution. */
@Path("schedules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
public class SchedulesResource {
    @Inject
    Scheduler scheduler;

    @Inject
    ScheduleRules rules;

    @Inject
    JobExecutions executions;

    @Context
    UriInfo uriInfo;

    @GET
    public List<ScheduleView> schedules() {
        return scheduler.list().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public ScheduleView schedule(@PathParam("id") long id) {
        return view(scheduler.find(id).orElseThrow(() -> noSuchSchedule(id)));
    }

    /** Creates a schedule from {@code {"jobName", "jobParameters", "cron" [, "zone"] | "intervalSeconds"}}; 201. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    public Response create(String body) {
        ScheduleDefinition definition = rules.check(ScheduleRequest.parse(body));
        ScheduleView created = view(scheduler.create(definition));
        return Response.created(URI.create(created.href())).entity(created).build();
    }

    /** Deletes a schedule: it starts no more runs; executions it started stay in the repository. */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id) {
        if (!scheduler.delete(id)) {
            throw noSuchSchedule(id);
        }
        return Response.noContent().build();
    }

    private ScheduleView view(Schedule schedule) {
        ScheduleDefinition definition = schedule.definition();
        URI href = uriInfo.getBaseUriBuilder().path(SchedulesResource.class).path(Long.toString(schedule.id())).build();
        return new ScheduleView(schedule.id(), definition.jobName(), definition.jobParameters(), definition.cron(),
                definition.zone(), definition.intervalSeconds(), schedule.nextRun(), schedule.lastRun(),
                schedule.lastExecutionId(), lastExecutionStatus(schedule), schedule.lastError(), schedule.declaredAs(),
                href.toString());
    }

    private String lastExecutionStatus(Schedule schedule) {
        if (schedule.lastExecutionId() == null) {
            return null;
        }
        try {
            return String.valueOf(executions.execution(schedule.lastExecutionId()).getBatchStatus());
        } catch (NoSuchJobExecutionException e) {
            return null;
        }
    }

    private static ApiException noSuchSchedule(long id) {
        return new ApiException(Status.NOT_FOUND, "no schedule " + id);
    }
}
