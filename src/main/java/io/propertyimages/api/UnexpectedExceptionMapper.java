package io.propertyimages.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Keeps stack traces in the server log and out of answers: a WebApplicationException keeps its status with a JSON
 * message, anything else is a 500 that points at the log.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {
    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        if (e instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return ErrorResponses.of(status, web.getMessage() == null ? "HTTP " + status : web.getMessage());
        }
        LOG.log(Level.SEVERE, "Unexpected failure of a REST request", e);
        return ErrorResponses.of(Status.INTERNAL_SERVER_ERROR, "internal error: " + e + " (details in the server log)");
    }
}
