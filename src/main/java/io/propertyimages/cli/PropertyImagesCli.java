package io.propertyimages.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code property-images}: the command-line client of a property-images server, over its REST API. The options here
 * hold for every command; each command is a class of its own.
 */
@Command(name = "property-images", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = PropertyImagesCli.Version.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Downloads listing photos on a property-images server and looks after its jobs.",
        subcommands = {DownloadCommand.class, StatusCommand.class, ExecutionsCommand.class, RestartCommand.class,
                StopCommand.class, CleanImagesCommand.class, SchedulesCommand.class, PurgeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done; for a command that waits, the job ended COMPLETED",
                "1:the job ended FAILED, STOPPED or ABANDONED",
                "2:wrong usage, or the input file cannot be read",
                "3:the server cannot be reached",
                "4:wrong user name or password (HTTP 401)",
                "5:not allowed for this user (HTTP 403)",
                "6:refused by the server: the message says why (other HTTP 4xx)",
                "7:server error (HTTP 5xx)"},
        footerHeading = "%nEnvironment:%n",
        footer = {"  " + Connection.SERVER_VARIABLE + "    the server if no --server, else " + Connection.DEFAULT_SERVER,
                "  " + Connection.USER_VARIABLE + "      the user if no --user",
                "  " + Connection.PASSWORD_VARIABLE + "  the password if no --password"})
public final class PropertyImagesCli implements Runnable {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    @Option(names = "--server", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The server, e.g. http://127.0.0.1:9080 (else $" + Connection.SERVER_VARIABLE + ").")
    String server;

    @Option(names = "--user", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "The user: an admin, or a monitor for reading (else $" + Connection.USER_VARIABLE + ").")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", scope = ScopeType.INHERIT,
            description = "The user's password (else $" + Connection.PASSWORD_VARIABLE + ", else asked for on a terminal).")
    String password;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the server's JSON instead of text, and no progress.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final boolean terminal;
    private ApiClient api;

    PropertyImagesCli(Map<String, String> environment, boolean terminal) {
        this.environment = environment;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(System.out, true, charset);
        PrintWriter err = new PrintWriter(System.err, true, charset);
        System.exit(run(args, out, err, System.getenv(), System.console() != null));
    }

    /** Runs one command line; answers its exit code ({@link ExitCodes}). */
    static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment, boolean terminal) {
        CommandLine commandLine = new CommandLine(new PropertyImagesCli(environment, terminal));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            if (e instanceof CliException failure) {
                command.getErr().println("property-images: " + failure.getMessage());
                return failure.exitCode();
            }
            command.getErr().println("property-images: unexpected error: " + e);
            return ExitCodes.SERVER_ERROR;
        });
        int exitCode = commandLine.execute(args);
        out.flush();
        err.flush();
        return exitCode;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: say what to do, e.g. property-images download listings.csv");
    }

    /** The API, as the user the options or the environment name; asks for the password on a terminal if none was given. */
    ApiClient api() {
        if (api == null) {
            Connection connection = Connection.resolve(server, user, password, environment);
            Console console = System.console();
            if (connection.user() != null && connection.password() == null && terminal && console != null) {
                char[] typed = console.readPassword("password of %s at %s: ", connection.user(), connection.server());
                connection = connection.withPassword(typed == null ? "" : new String(typed));
            }
            api = new ApiClient(connection);
        }
        return api;
    }

    boolean json() {
        return json;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** A line for people; nothing with --json, whose output is the JSON alone. */
    void say(String format, Object... args) {
        if (!json) {
            out().println(String.format(format, args));
        }
    }

    void printJson(JsonValue value) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(text)) {
            writer.write(value);
        }
        out().println(text.toString().strip());
    }

    /** Follows a started execution to its end, with a progress bar unless --json. */
    JsonObject follow(JsonObject execution) {
        ProgressDisplay display = json ? ProgressDisplay.silent() : new ProgressDisplay(out(), terminal, System::nanoTime);
        return new JobFollower(api(), POLL_INTERVAL).follow(ExecutionText.id(execution), display);
    }

    /** {@link #ended(JsonObject, String)} with the execution's summary line. */
    int ended(JsonObject execution) {
        return ended(execution, ExecutionText.summary(execution) + "\n");
    }

    /** Waits, showing nothing, until a started execution has ended. */
    JsonObject awaitEnd(JsonObject execution) {
        return new JobFollower(api(), POLL_INTERVAL).follow(ExecutionText.id(execution), ProgressDisplay.silent());
    }

    /**
     * Prints how an execution ended, {@code text} or with --json the execution; answers 0 when it COMPLETED, else
     * says why not and answers {@link ExitCodes#JOB_NOT_COMPLETED}.
     */
    int ended(JsonObject execution, String text) {
        if (json) {
            printJson(execution);
        } else {
            out().print(text);
            out().flush();
        }
        String status = ExecutionText.string(execution, "batchStatus");
        if ("COMPLETED".equals(status)) {
            return ExitCodes.OK;
        }
        long id = ExecutionText.id(execution);
        String next = "STOPPED".equals(status) || "FAILED".equals(status)
                ? "; restart it with: property-images restart " + id
                : "";
        spec.commandLine().getErr().println("property-images: execution " + id + " ended " + status + " (exit status "
                + ExecutionText.string(execution, "exitStatus") + ")" + next);
        return ExitCodes.JOB_NOT_COMPLETED;
    }

    /** The version in the jar's manifest, which the build writes. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"property-images " + Optional.ofNullable(PropertyImagesCli.class.getPackage().getImplementationVersion())
                    .orElse("(development build)")};
        }
    }
}
