package io.propertyimages.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/** The server to talk to and the user to talk as: from the options, else the environment, else the defaults. */
record Connection(URI server, String user, String password) {
    static final String DEFAULT_SERVER = "http://127.0.0.1:9080";
    static final String SERVER_VARIABLE = "PROPERTY_IMAGES_SERVER";
    static final String USER_VARIABLE = "PROPERTY_IMAGES_USER";
    static final String PASSWORD_VARIABLE = "PROPERTY_IMAGES_PASSWORD";

    /** @param server, user, password the options as given, null when absent */
    static Connection resolve(String server, String user, String password, Map<String, String> environment) {
        String url = firstOf(server, environment.get(SERVER_VARIABLE), DEFAULT_SERVER);
        return new Connection(serverUri(url), firstOf(user, environment.get(USER_VARIABLE), null),
                firstOf(password, environment.get(PASSWORD_VARIABLE), null));
    }

    /** The API's base address: the server's, with {@code /api}. */
    URI api() {
        return URI.create(server + "/api");
    }

    Connection withPassword(String newPassword) {
        return new Connection(server, user, newPassword);
    }

    private static URI serverUri(String url) {
        String trimmed = url.strip().replaceAll("/+$", "").replaceAll("/api$", "");
        try {
            URI uri = new URI(trimmed);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new CliException(ExitCodes.USAGE, "the server must be an http(s) URL such as " + DEFAULT_SERVER
                        + ", found \"" + url + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CliException(ExitCodes.USAGE, "the server \"" + url + "\" is not a URL: " + e.getReason());
        }
    }

    private static String firstOf(String given, String fromEnvironment, String otherwise) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        return fromEnvironment != null && !fromEnvironment.isBlank() ? fromEnvironment : otherwise;
    }
}
