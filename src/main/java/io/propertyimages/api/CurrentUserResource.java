package io.propertyimages.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /api/user}: who is calling and whether they may change things, so a client shows only what they may do. */
@Path("user")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
public class CurrentUserResource {
    /** The caller's name and whether they have the admin role. */
    public record UserView(String name, boolean admin) {
    }

    @GET
    public UserView user(@Context SecurityContext security) {
        return new UserView(security.getUserPrincipal().getName(), security.isUserInRole(Roles.ADMIN));
    }
}
