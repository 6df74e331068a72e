package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** The command line: what it accepts, what it refuses (exit code 2), and the requests it builds. */
class PropertyImagesCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void everyCommandHasHelp() {
        for (String[] command : new String[][] {{"--help"}, {"download", "--help"}, {"status", "-h"}, {"executions", "--help"},
                {"restart", "--help"}, {"stop", "--help"}, {"clean-images", "--help"}, {"schedules", "--help"},
                {"schedules", "add", "--help"}, {"schedules", "list", "--help"}, {"schedules", "delete", "--help"},
                {"purge", "--help"}}) {
            assertEquals(ExitCodes.OK, run(command), String.join(" ", command));
            assertTrue(out.toString().contains("Usage: property-images " + (command[0].startsWith("-") ? "" : command[0])),
                    out.toString());
            assertTrue(out.toString().contains("PROPERTY_IMAGES_SERVER"), out.toString());
        }
    }

    @Test
    void wrongUsageIsExitCode2WithAMessage() {
        assertUsageError("Missing command", new String[] {});
        assertUsageError("Unknown option: '--frobnicate'", "executions", "--frobnicate");
        assertUsageError("Missing required parameter: 'INPUT'", "download");
        assertUsageError("Invalid value for positional parameter at index 0 (EXECUTION_ID)", "restart", "latest");
        assertUsageError("Missing required argument (specify one of these): (--cron=EXPRESSION | --every=SECONDS)",
                "schedules", "add", "--job", "cleanup-images");
        assertUsageError("mutually exclusive", "schedules", "add", "--job", "cleanup-images", "--cron", "0 3 * * *", "--every", "60");
        assertUsageError("Missing command: list, add or delete", "schedules");
        assertUsageError("no such file: does-not-exist.csv", "download", "does-not-exist.csv");
        assertUsageError("the server must be an http(s) URL", "status", "--server", "localhost:9080");
    }

    @Test
    void theServerComesFromTheOptionAnywhereOnTheLineOrElseTheEnvironment() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String server = "http://127.0.0.1:" + closedPort;

        assertEquals(ExitCodes.UNREACHABLE, run("--server", server, "status"));
        assertEquals(ExitCodes.UNREACHABLE, run("status", "--server", server));
        assertEquals(ExitCodes.UNREACHABLE, PropertyImagesCli.run(new String[] {"executions"}, new PrintWriter(out),
                new PrintWriter(err), Map.of("PROPERTY_IMAGES_SERVER", server), false));
        assertEquals(3, err.toString().lines().filter(line -> line.equals("property-images: cannot reach the server at "
                + server + ": connection refused; is it running? (--server or PROPERTY_IMAGES_SERVER)")).count(), err.toString());
    }

    @Test
    void buildsTheRequestsOfCleanupPurgeAndSchedules() {
        assertEquals("{\"maxAgeDays\":7,\"dryRun\":true,\"outputDir\":\"phoenix\"}",
                this.<CleanImagesCommand>parse("clean-images", "--max-age-days", "7", "--dry-run", "--output-dir", "phoenix").parameters().toString());
        assertEquals("{}", this.<CleanImagesCommand>parse("clean-images").parameters().toString(), "the job's own defaults");

        assertEquals("{\"olderThanDays\":90,\"statuses\":[\"COMPLETED\",\"FAILED\",\"STOPPED\"]}",
                this.<PurgeCommand>parse("purge", "--older-than-days", "90", "--status", "completed,FAILED", "--status", "stopped").request().toString());
        assertEquals("{}", this.<PurgeCommand>parse("purge").request().toString(), "the server's own defaults");

        JsonObject cron = this.<SchedulesCommand.Add>parse("schedules", "add", "--job", "download-images", "--cron", "0 3 * * *",
                "--zone", "Europe/Paris", "--param", "input=/data/listings.csv", "--param", "outputDir=phoenix").request();
        assertEquals("{\"jobName\":\"download-images\",\"jobParameters\":{\"input\":\"/data/listings.csv\",\"outputDir\":\"phoenix\"},"
                + "\"cron\":\"0 3 * * *\",\"zone\":\"Europe/Paris\"}", cron.toString());
        JsonObject every = this.<SchedulesCommand.Add>parse("schedules", "add", "--job", "cleanup-images", "--every", "3600").request();
        assertEquals("{\"jobName\":\"cleanup-images\",\"jobParameters\":{},\"intervalSeconds\":3600}", every.toString());
    }

    @Test
    void waitingIsTheDefaultAndNoWaitTurnsItOff() {
        assertTrue(this.<RestartCommand>parse("restart", "12").waiting.wait);
        assertEquals(false, this.<RestartCommand>parse("restart", "12", "--no-wait").waiting.wait);
        assertEquals(false, this.<DownloadCommand>parse("download", "x.csv", "--no-wait").waiting.wait);
        assertTrue(this.<StopCommand>parse("stop", "12", "--wait").waiting.wait);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        return PropertyImagesCli.run(args, new PrintWriter(out), new PrintWriter(err), Map.of(), false);
    }

    private void assertUsageError(String message, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, run(args), String.join(" ", args));
        assertTrue(err.toString().contains(message), err.toString());
    }

    /** The deepest command's object after parsing, as picocli filled it in. */
    @SuppressWarnings("unchecked")
    private <T> T parse(String... args) {
        CommandLine.ParseResult result = new CommandLine(new PropertyImagesCli(Map.of(), false)).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return (T) result.commandSpec().userObject();
    }
}
