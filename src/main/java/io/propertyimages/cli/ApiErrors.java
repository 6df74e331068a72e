package io.propertyimages.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Turns what went wrong talking to the server into one line for the user and an exit code. */
final class ApiErrors {
    private ApiErrors() {
    }

    /**
     * @param body the answer's JSON, or null when it had none or it was not JSON
     * @param text the answer's text, for when it was not the API's JSON
     */
    static CliException ofAnswer(int status, String request, JsonValue body, String text, Connection connection) {
        String message = messageOf(body, text, status);
        return switch (status) {
            case 401 -> new CliException(ExitCodes.UNAUTHORIZED, message + " (" + who(connection) + " at "
                    + connection.server() + "; give --user and --password, or set " + Connection.USER_VARIABLE
                    + " and " + Connection.PASSWORD_VARIABLE + ")");
            case 403 -> new CliException(ExitCodes.FORBIDDEN, message);
            default -> status >= 400 && status < 500
                    ? new CliException(ExitCodes.REFUSED, message + " (" + request + ": HTTP " + status + ")")
                    : new CliException(ExitCodes.SERVER_ERROR, "the server failed on " + request + ": " + message
                    + " (HTTP " + status + ")");
        };
    }

    static CliException ofFailure(IOException e, Connection connection) {
        String server = connection.server().toString();
        if (e instanceof HttpConnectTimeoutException) {
            return new CliException(ExitCodes.UNREACHABLE, "cannot reach the server at " + server
                    + ": no connection within the time allowed" + hint());
        }
        if (e instanceof HttpTimeoutException) {
            return new CliException(ExitCodes.UNREACHABLE, "the server at " + server + " did not answer in time");
        }
        if (e instanceof ConnectException) {
            // The JDK's client gives a refused connection no message at all.
            String why = messageIn(e) == null ? "connection refused" : messageIn(e);
            return new CliException(ExitCodes.UNREACHABLE, "cannot reach the server at " + server + ": " + why + hint());
        }
        String why = messageIn(e) == null ? e.getClass().getSimpleName() : messageIn(e);
        return new CliException(ExitCodes.UNREACHABLE, "lost the connection to the server at " + server + ": " + why);
    }

    private static String messageOf(JsonValue body, String text, int status) {
        if (body instanceof JsonObject object && object.get("message") instanceof JsonString message) {
            return message.getString();
        }
        String firstLine = text == null ? "" : text.strip().lines().findFirst().orElse("");
        if (firstLine.isEmpty()) {
            return "HTTP " + status;
        }
        return firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine;
    }

    private static String who(Connection connection) {
        return connection.user() == null ? "no user given" : "user \"" + connection.user() + "\"";
    }

    private static String hint() {
        return "; is it running? (--server or " + Connection.SERVER_VARIABLE + ")";
    }

    /** The first message in the exception or its causes; null when none has one. */
    private static String messageIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return null;
    }
}
