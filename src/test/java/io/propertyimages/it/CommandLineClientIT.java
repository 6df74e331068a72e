package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code property-images} command as a user runs it: {@code bin/property-images} with the jar the build made, in
 * processes of their own, against the real server, configured through its environment. Their output is not a
 * terminal, so progress comes as lines.
 */
class CommandLineClientIT extends DeployedApplicationTest {
    private static final Path COMMAND = Path.of("bin/property-images").toAbsolutePath();
    private static final String SERVER = "http://127.0.0.1:" + System.getProperty("it.http.port", "9081");
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern STARTED = Pattern.compile("started download-images: execution (\\d+)");

    private static ImageHost host;
    private final BatchApi api = new BatchApi();

    @BeforeAll
    static void startImageHost() throws IOException {
        host = new ImageHost();
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(200 + i, 150));
        }
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    @Test
    void downloadSendsTheInputFollowsTheJobWithProgressLinesAndExitsZero() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("""
                {"properties": [{"address": "21 Console Ct, Mesa", "imageUrls": ["%s", "%s", "%s", "%s"]}]}"""
                .formatted(host.url("/slow/room1.jpg"), host.url("/slow/room2.jpg"), host.url("/img/room3.jpg"),
                        host.url("/img/room4.jpg")), ".json");

        Run run = run(Map.of(), "download", input.toString(), "--output-dir", outputDir);

        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.outLines();
        assertEquals("sent " + input + ": 1 properties, 4 URLs", lines.get(0), run.out());
        long id = executionIdIn(run.out());
        assertTrue(lines.stream().anyMatch(line -> line.matches(
                "\\[#{24}] 100%  4/4  downloaded 4  cached 0  failed 0  \\d+\\.\\d KB  \\d+\\.\\d img/s  ETA 0:00")), run.out());
        assertTrue(lines.get(lines.size() - 1).matches("execution " + id + " COMPLETED \\(COMPLETED\\) in .+: "
                + "downloaded 4, cached 0, failed 0, \\d+\\.\\d KB"), run.out());
        assertEquals("", run.err());
        Path folder = JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("21-console-ct-mesa");
        assertEquals(List.of("img_001.jpg", "img_002.jpg", "img_003.jpg", "img_004.jpg"),
                JobFiles.filenames(JobFiles.manifest(folder).getJsonArray("images")));

        Run again = run(Map.of(), "--json", "download", input.toString(), "--output-dir", outputDir);

        assertEquals(0, again.exitCode(), again.toString());
        JsonObject execution = Json.createReader(new StringReader(again.out())).readObject();
        assertEquals("COMPLETED", execution.getString("batchStatus"));
        assertEquals(4, execution.getJsonObject("progress").getInt("cached"), "the second run finds everything cached");
    }

    @Test
    void statusAndExecutionsShowWhatRan() throws Exception {
        long id = finishedExecution();

        Run status = run(Map.of(), "status", Long.toString(id));
        Run latest = run(Map.of(), "status");
        Run table = run(Map.of(), "executions", "--job", "download-images", "--status", "completed", "--limit", "3");
        Run json = run(Map.of(), "executions", "--limit", "2", "--json");

        assertEquals(0, status.exitCode(), status.toString());
        assertTrue(status.out().startsWith("execution    " + id + " (instance "), status.out());
        assertTrue(status.out().contains("\njob          download-images\nstatus       COMPLETED\nexit status  COMPLETED\n"), status.out());
        assertTrue(status.out().contains("\nprogress     [########################] 100%  1/1  downloaded 1"), status.out());
        assertEquals(0, latest.exitCode(), latest.toString());
        assertTrue(latest.out().startsWith("execution    "), latest.out());
        assertEquals(0, table.exitCode(), table.toString());
        assertTrue(table.outLines().get(0).matches("ID +JOB +STATUS +EXIT STATUS +STARTED +DURATION"), table.out());
        assertTrue(table.outLines().stream().anyMatch(line -> line.matches(id + " +download-images +COMPLETED +COMPLETED .*")), table.out());
        assertTrue(table.outLines().size() <= 4, table.out());
        JsonArray executions = Json.createReader(new StringReader(json.out())).readArray();
        assertTrue(executions.size() >= 1 && executions.size() <= 2, json.out());
    }

    @Test
    void aStoppedDownloadExitsOneWithTheReasonAndRestartFinishesIt() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("address,image_url\n" + IntStream.rangeClosed(1, 12)
                .mapToObj(i -> "\"33 Halt Way, Tempe\"," + host.url("/slow/room" + i + ".jpg"))
                .collect(Collectors.joining("\n")), ".csv");
        Path folder = JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("33-halt-way-tempe");
        // Slow enough that the stop, a JVM of its own, comes before the last image even on a loaded machine.
        host.slowDelayMillis = 1000;

        RunningProcess download = start(Map.of(), "download", input.toString(), "--output-dir", outputDir, "--chunk-size", "2");
        long id = download.awaitExecutionId();
        await(() -> Files.exists(folder.resolve("img_004.jpg")), "4 images downloaded");
        Run stop = run(Map.of(), "stop", Long.toString(id));
        Run stopped = download.awaitEnd();
        host.slowDelayMillis = 300;

        assertEquals(0, stop.exitCode(), stop.toString());
        assertTrue(stop.out().startsWith("execution " + id + " STOPPED (STOPPED)"), stop.out());
        assertEquals(1, stopped.exitCode(), stopped.toString());
        assertEquals("property-images: execution " + id + " ended STOPPED (exit status STOPPED); restart it with: "
                + "property-images restart " + id + "\n", stopped.err());

        Run restart = run(Map.of(), "restart", Long.toString(id));

        assertEquals(0, restart.exitCode(), restart.toString());
        Matcher restarted = Pattern.compile("restarted execution " + id + " as execution (\\d+)").matcher(restart.out());
        assertTrue(restarted.find(), restart.out());
        assertTrue(restart.out().contains("execution " + restarted.group(1) + " COMPLETED (COMPLETED)"), restart.out());
        assertEquals(12, JobFiles.manifest(folder).getJsonArray("images").size());

        Run again = run(Map.of(), "restart", Long.toString(id));
        assertEquals(6, again.exitCode(), again.toString());
        assertTrue(again.err().startsWith("property-images: ") && again.err().endsWith("(POST /api/jobexecutions/" + id
                + "/restart: HTTP 409)\n"), again.err());
    }

    @Test
    void wrongCredentialsAMonitorsChangeAndBadInputAreOneLineEachWithTheirExitCodes() throws Exception {
        Path malformed = JobFiles.writeInput("address,image_url\n\"1 A St,http://127.0.0.1/x.jpg\n", ".csv");
        Path good = JobFiles.writeInput("address,image_url\n1 A St," + host.url("/img/room1.jpg") + "\n", ".csv");
        Map<String, String> monitor = Map.of("PROPERTY_IMAGES_USER", BatchApi.MONITOR.user(),
                "PROPERTY_IMAGES_PASSWORD", BatchApi.MONITOR.password());

        Run wrongPassword = run(Map.of(), "executions", "--password", "not-the-password");
        Run monitorDownload = run(monitor, "download", good.toString());
        Run monitorReads = run(monitor, "executions", "--limit", "1");
        Run badInput = run(Map.of(), "download", malformed.toString());
        Run unknown = run(Map.of(), "status", "987654321");

        assertEquals(4, wrongPassword.exitCode(), wrongPassword.toString());
        assertEquals("property-images: authentication failed: unknown user name or wrong password (user \""
                + BatchApi.ADMIN.user() + "\" at " + SERVER + "; give --user and --password, or set PROPERTY_IMAGES_USER "
                + "and PROPERTY_IMAGES_PASSWORD)\n", wrongPassword.err());
        assertEquals(5, monitorDownload.exitCode(), monitorDownload.toString());
        assertEquals("property-images: user \"" + BatchApi.MONITOR.user() + "\" may not do this: it needs the role "
                + "batchAdmin\n", monitorDownload.err());
        assertEquals(0, monitorReads.exitCode(), monitorReads.toString());
        assertEquals(6, badInput.exitCode(), badInput.toString());
        assertTrue(badInput.err().matches("property-images: input: malformed CSV.*\\(POST /api/inputs\\?name=input-.*\\.csv: HTTP 400\\)\n"),
                badInput.err());
        assertEquals(6, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().endsWith("(GET /api/jobexecutions/987654321: HTTP 404)\n"), unknown.err());
    }

    @Test
    void cleanImagesSchedulesAndPurgeTalkToTheirEndpoints() throws Exception {
        String outputDir = "it-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("address,image_url\n8 Sweep St," + host.url("/img/room6.jpg") + "\n", ".csv");
        api.awaitEnd(api.start("download-images", JobFiles.parameters(input, outputDir)), TIMEOUT);

        Run dryRun = run(Map.of(), "clean-images", "--dry-run", "--max-age-days", "0", "--output-dir", outputDir);
        Run add = run(Map.of(), "schedules", "add", "--job", "cleanup-images", "--cron", "0 3 1 1 *", "--zone", "UTC",
                "--param", "dryRun=true", "--param", "outputDir=" + outputDir);
        Matcher added = Pattern.compile("added schedule (\\d+): cleanup-images cron \"0 3 1 1 \\*\" \\(UTC\\), next run "
                + "\\d{4}-01-01 03:00:00Z\n").matcher(add.out());
        assertTrue(added.matches(), add.toString());
        String scheduleId = added.group(1);
        Run list = run(Map.of(), "schedules", "list");
        Run delete = run(Map.of(), "schedules", "delete", scheduleId);
        Run deletedAgain = run(Map.of(), "schedules", "delete", scheduleId);
        Run purge = run(Map.of(), "purge", "--older-than-days", "36500", "--status", "completed,failed");

        assertEquals(0, dryRun.exitCode(), dryRun.toString());
        assertTrue(dryRun.out().contains("(dry run: nothing was deleted; a real run would delete this)\n"
                + "  images deleted (orphans included)  1\n"), dryRun.out());
        assertTrue(Files.exists(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("8-sweep-st/img_001.jpg")), "a dry run deletes nothing");
        assertTrue(list.outLines().stream().anyMatch(line -> line.matches(scheduleId
                + " +cleanup-images +cron \"0 3 1 1 \\*\" \\(UTC\\) +\\d{4}-01-01 03:00:00Z")), list.out());
        assertEquals("deleted schedule " + scheduleId + "\n", delete.out());
        assertEquals(6, deletedAgain.exitCode(), deletedAgain.toString());
        assertEquals(0, purge.exitCode(), purge.toString());
        assertEquals("purged 0 job instances, 0 job executions, 0 step executions\n", purge.out());
    }

    @Test
    void aServerThatIsDownIsOneLineAndExitCodeThree() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Run run = run(Map.of("PROPERTY_IMAGES_SERVER", "http://127.0.0.1:" + closedPort), "status");

        assertEquals(3, run.exitCode(), run.toString());
        assertEquals("property-images: cannot reach the server at http://127.0.0.1:" + closedPort + ": connection refused; "
                + "is it running? (--server or PROPERTY_IMAGES_SERVER)\n", run.err());
    }

    private long finishedExecution() throws Exception {
        Path input = JobFiles.writeInput("address,image_url\n9 Status St," + host.url("/img/room5.jpg") + "\n", ".csv");
        long id = api.start("download-images", JobFiles.parameters(input, "it-" + UUID.randomUUID()));
        api.awaitEnd(id, TIMEOUT);
        return id;
    }

    private static long executionIdIn(String out) {
        Matcher matcher = STARTED.matcher(out);
        assertTrue(matcher.find(), out);
        return Long.parseLong(matcher.group(1));
    }

    /** Runs the command to its end, as the tests' admin unless {@code environment} says otherwise. */
    private static Run run(Map<String, String> environment, String... args) throws Exception {
        return start(environment, args).awaitEnd();
    }

    private static RunningProcess start(Map<String, String> environment, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(COMMAND.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("PROPERTY_IMAGES_SERVER", SERVER);
        env.put("PROPERTY_IMAGES_USER", BatchApi.ADMIN.user());
        env.put("PROPERTY_IMAGES_PASSWORD", BatchApi.ADMIN.password());
        env.putAll(environment);
        return new RunningProcess(builder.start());
    }

    /** A running command whose output is read as it comes. */
    private static final class RunningProcess {
        private final Process process;
        private final List<String> out = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> outRead;
        private final CompletableFuture<String> err;

        RunningProcess(Process process) {
            this.process = process;
            outRead = CompletableFuture.runAsync(() -> readLines(process.getInputStream(), out));
            err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        }

        long awaitExecutionId() throws InterruptedException {
            await(() -> STARTED.matcher(String.join("\n", out)).find(), "the execution's id in the output: " + out);
            return executionIdIn(String.join("\n", out));
        }

        Run awaitEnd() throws Exception {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end within " + TIMEOUT + ": " + out);
            }
            outRead.get(10, TimeUnit.SECONDS);
            String output = out.stream().map(line -> line + "\n").collect(Collectors.joining());
            return new Run(process.exitValue(), output, err.get(10, TimeUnit.SECONDS));
        }

        private static void readLines(InputStream stream, List<String> lines) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String readAll(InputStream stream) {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + TIMEOUT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
