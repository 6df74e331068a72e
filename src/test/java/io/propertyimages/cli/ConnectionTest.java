package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConnectionTest {
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PROPERTY_IMAGES_SERVER", "http://images.example:9999/",
            "PROPERTY_IMAGES_USER", "env-user",
            "PROPERTY_IMAGES_PASSWORD", "env-password");

    @Test
    void optionsComeFirstThenTheEnvironmentThenTheDefaults() {
        assertEquals(new Connection(URI.create("http://127.0.0.1:9581"), "admin", "secret"),
                Connection.resolve("http://127.0.0.1:9581", "admin", "secret", ENVIRONMENT));
        assertEquals(new Connection(URI.create("http://images.example:9999"), "env-user", "env-password"),
                Connection.resolve(null, null, null, ENVIRONMENT));
        Connection defaults = Connection.resolve(null, null, null, Map.of());
        assertEquals(URI.create("http://127.0.0.1:9080"), defaults.server());
        assertNull(defaults.user());
        assertNull(defaults.password());
    }

    @Test
    void theApiIsUnderApiWhetherOrNotTheServerUrlSaysSo() {
        assertEquals(URI.create("http://h:1/api"), Connection.resolve("http://h:1", null, null, Map.of()).api());
        assertEquals(URI.create("http://h:1/api"), Connection.resolve("http://h:1/api/", null, null, Map.of()).api());
    }

    @Test
    void aServerThatIsNotAnHttpUrlIsAUsageError() {
        for (String server : new String[] {"127.0.0.1:9080", "ftp://h/", "http://"}) {
            CliException e = assertThrows(CliException.class, () -> Connection.resolve(server, null, null, Map.of()), server);
            assertEquals(ExitCodes.USAGE, e.exitCode());
            assertTrue(e.getMessage().contains(server), e.getMessage());
        }
    }
}
