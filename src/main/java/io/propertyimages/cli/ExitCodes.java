package io.propertyimages.cli;

/** The exit codes of {@code property-images}, as the README lists them. */
public final class ExitCodes {
    /** Done; for a command that waited, the job ended COMPLETED (also with failed images). */
    public static final int OK = 0;
    /** The job that the command waited for ended FAILED, STOPPED or ABANDONED. */
    public static final int JOB_NOT_COMPLETED = 1;
    /** The command line is wrong, or the local input file cannot be read. */
    public static final int USAGE = 2;
    /** The server cannot be reached or does not answer. */
    public static final int UNREACHABLE = 3;
    /** The server does not know the user name or password (HTTP 401). */
    public static final int UNAUTHORIZED = 4;
    /** The user may not do this, e.g. a monitor starting a job (HTTP 403). */
    public static final int FORBIDDEN = 5;
    /** The server refused the request: bad input or parameters, no such execution, wrong state (other HTTP 4xx). */
    public static final int REFUSED = 6;
    /** The server failed (HTTP 5xx) or answered something that is not the API's. */
    public static final int SERVER_ERROR = 7;

    private ExitCodes() {
    }
}
