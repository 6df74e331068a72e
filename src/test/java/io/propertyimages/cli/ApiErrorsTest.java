package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class ApiErrorsTest {
    private static final Connection BOB = new Connection(URI.create("http://127.0.0.1:9581"), "bob", "wrong");

    @Test
    void wrongCredentialsSayWhoAndWhereAndHowToGiveOthers() {
        CliException e = ApiErrors.ofAnswer(401, "GET /api/jobexecutions", message("authentication failed: unknown user name or wrong password"), null, BOB);

        assertEquals(ExitCodes.UNAUTHORIZED, e.exitCode());
        assertEquals("authentication failed: unknown user name or wrong password (user \"bob\" at http://127.0.0.1:9581; "
                + "give --user and --password, or set PROPERTY_IMAGES_USER and PROPERTY_IMAGES_PASSWORD)", e.getMessage());
    }

    @Test
    void aMissingRoleIsTheServersMessage() {
        CliException e = ApiErrors.ofAnswer(403, "POST /api/inputs", message("user \"monitor\" may not do this: it needs the role batchAdmin"), null, BOB);

        assertEquals(ExitCodes.FORBIDDEN, e.exitCode());
        assertEquals("user \"monitor\" may not do this: it needs the role batchAdmin", e.getMessage());
    }

    @Test
    void otherRefusalsGiveTheServersMessageAndTheRequest() {
        CliException e = ApiErrors.ofAnswer(400, "POST /api/inputs", message("input: line 3: expected 2 fields"), null, BOB);

        assertEquals(ExitCodes.REFUSED, e.exitCode());
        assertEquals("input: line 3: expected 2 fields (POST /api/inputs: HTTP 400)", e.getMessage());
    }

    @Test
    void anAnswerThatIsNotTheApisJsonIsDescribedByItsStatusOrFirstLine() {
        assertEquals("HTTP 404 (GET /api/schedules: HTTP 404)",
                ApiErrors.ofAnswer(404, "GET /api/schedules", null, "", BOB).getMessage());
        CliException e = ApiErrors.ofAnswer(502, "GET /api/jobs", null, "<html>Bad Gateway\n</html>", BOB);
        assertEquals(ExitCodes.SERVER_ERROR, e.exitCode());
        assertEquals("the server failed on GET /api/jobs: <html>Bad Gateway (HTTP 502)", e.getMessage());
    }

    @Test
    void aServerThatCannotBeReachedIsExitCode3WithAHint() {
        CliException refused = ApiErrors.ofFailure(new ConnectException(), BOB);
        CliException slow = ApiErrors.ofFailure(new HttpConnectTimeoutException("timed out"), BOB);
        CliException silent = ApiErrors.ofFailure(new HttpTimeoutException("request timed out"), BOB);

        assertEquals(ExitCodes.UNREACHABLE, refused.exitCode());
        assertEquals("cannot reach the server at http://127.0.0.1:9581: connection refused; is it running? "
                + "(--server or PROPERTY_IMAGES_SERVER)", refused.getMessage());
        assertEquals(ExitCodes.UNREACHABLE, slow.exitCode());
        assertTrue(slow.getMessage().startsWith("cannot reach the server at http://127.0.0.1:9581"), slow.getMessage());
        assertEquals(ExitCodes.UNREACHABLE, silent.exitCode());
        assertEquals("the server at http://127.0.0.1:9581 did not answer in time", silent.getMessage());
    }

    private static JsonObject message(String text) {
        return Json.createObjectBuilder().add("message", text).build();
    }
}
