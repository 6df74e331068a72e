package io.propertyimages.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

/**
 * Liberty answers a request without valid credentials with a bare 401 and its Basic challenge; this gives that 401
 * the API's JSON message.
 */
@Provider
public class AuthenticationChallengeBody implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != Status.UNAUTHORIZED.getStatusCode() || response.hasEntity()) {
            return;
        }
        String message = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? "authentication required: send the user name and password of an admin or a monitor (HTTP Basic)"
                : "authentication failed: unknown user name or wrong password";
        response.setEntity(new ErrorMessage(message), null, MediaType.APPLICATION_JSON_TYPE);
    }
}
