package io.propertyimages.api;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

/**
 * The API's roles, after Liberty batch's: an admin may change things (start, stop, restart, abandon, and whatever
 * else comes), a monitor may only read. A resource declares who may call it with {@code @RolesAllowed}: reads on the
 * class with {@code @RolesAllowed({Roles.ADMIN, Roles.MONITOR})}, every other method with
 * {@code @RolesAllowed(Roles.ADMIN)}. Liberty checks them; the bindings to users are in server-config/server.xml and
 * META-INF/ibm-application-bnd.xml.
 */
public final class Roles {
    public static final String ADMIN = "batchAdmin";
    public static final String MONITOR = "batchMonitor";

    private Roles() {
    }

    /** The roles a resource method needs: its own {@code @RolesAllowed}, else its class's; empty when it names none. */
    static List<String> requiredBy(Method method) {
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return roles == null ? List.of() : List.of(roles.value());
    }
}
