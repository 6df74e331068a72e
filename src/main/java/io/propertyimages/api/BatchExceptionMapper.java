package io.propertyimages.api;

import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionIsRunningException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.operations.NoSuchJobInstanceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The JobOperator's refusals are the user's to fix: unknown things are 404, a wrong state is 409. */
@Provider
public class BatchExceptionMapper implements ExceptionMapper<BatchRuntimeException> {
    @Override
    public Response toResponse(BatchRuntimeException e) {
        return ErrorResponses.of(statusOf(e), e.getMessage());
    }

    private static Status statusOf(BatchRuntimeException e) {
        if (e instanceof NoSuchJobException || e instanceof NoSuchJobExecutionException
                || e instanceof NoSuchJobInstanceException) {
            return Status.NOT_FOUND;
        }
        if (e instanceof JobExecutionAlreadyCompleteException || e instanceof JobExecutionIsRunningException
                || e instanceof JobExecutionNotMostRecentException || e instanceof JobExecutionNotRunningException
                || e instanceof JobRestartException) {
            return Status.CONFLICT;
        }
        return Status.INTERNAL_SERVER_ERROR;
    }
}
