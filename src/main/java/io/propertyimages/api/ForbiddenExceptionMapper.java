package io.propertyimages.api;

import java.lang.reflect.Method;
import java.security.Principal;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Liberty refuses a user without the role a resource method names (@RolesAllowed): 403, saying which role it needs. */
@Provider
public class ForbiddenExceptionMapper implements ExceptionMapper<ForbiddenException> {
    @Context
    ResourceInfo resource;

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(ForbiddenException e) {
        Principal user = security.getUserPrincipal();
        Method method = resource.getResourceMethod();
        String who = user == null ? "this user" : "user \"" + user.getName() + "\"";
        String needs = method == null ? "" : ": it needs the role " + String.join(" or ", Roles.requiredBy(method));
        return ErrorResponses.of(Status.FORBIDDEN, who + " may not do this" + needs);
    }
}
