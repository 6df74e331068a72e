package io.propertyimages.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;

import org.junit.jupiter.api.Test;

/** Every REST resource method names who may call it, and only the admin may change anything. */
class RolesTest {
    @Test
    void findsTheResources() throws Exception {
        assertTrue(resourceClasses().containsAll(List.of(JobsResource.class, JobExecutionsResource.class, JobInstancesResource.class)));
    }

    @Test
    void everyResourceMethodNamesItsRoles() throws Exception {
        for (Method method : resourceMethods()) {
            List<String> roles = Roles.requiredBy(method);
            assertFalse(roles.isEmpty(), method + " has no @RolesAllowed, on itself or its class: anyone could call it");
            assertTrue(List.of(Roles.ADMIN, Roles.MONITOR).containsAll(roles), method + " names an unknown role: " + roles);
        }
    }

    @Test
    void readsAreForBothRolesAndEverythingElseForTheAdminOnly() throws Exception {
        for (Method method : resourceMethods()) {
            List<String> expected = method.isAnnotationPresent(GET.class) ? List.of(Roles.ADMIN, Roles.MONITOR) : List.of(Roles.ADMIN);
            assertEquals(expected, Roles.requiredBy(method), method.toString());
        }
    }

    private static List<Method> resourceMethods() throws Exception {
        return resourceClasses().stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class)))
                .toList();
    }

    /** The classes of this package with {@code @Path}, read from the compiled classes so a new one is checked too. */
    private static List<Class<?>> resourceClasses() throws Exception {
        try (Stream<Path> files = Files.list(packageDirectory())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .<Class<?>>map(name -> load(RolesTest.class.getPackageName() + "." + name.substring(0, name.length() - ".class".length())))
                    .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .toList();
        }
    }

    private static Path packageDirectory() throws URISyntaxException {
        Path classes = Path.of(Roles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return classes.resolve(Roles.class.getPackageName().replace('.', '/'));
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
