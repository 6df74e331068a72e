package io.propertyimages.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The dashboard and the gallery in a real browser (headless Chromium, {@link Browser}) on a real Liberty, after
 * downloads on loopback. Each test writes a screenshot of what it saw under target/screenshots/.
 */
class DashboardIT extends DeployedApplicationTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path SAMPLES = Path.of("src/demo/samples");
    private static final List<String> PHOTOS = List.of("front-elevation.jpg", "kitchen.webp", "living-room.webp",
            "backyard.jpg", "floor-plan.png");
    private static ImageHost host;
    private static long finished;
    private static String folder;
    private final BatchApi api = new BatchApi();

    @BeforeAll
    static void downloadAProperty() throws Exception {
        host = new ImageHost();
        for (String photo : PHOTOS) {
            host.add(photo, Files.readAllBytes(SAMPLES.resolve(photo)));
        }
        for (int i = 1; i <= 12; i++) {
            host.add("room" + i + ".jpg", TestImages.jpeg(300 + i, 200));
        }
        String outputDir = "dashboard-" + UUID.randomUUID();
        folder = outputDir + "/7-dashboard-ct-tempe-az-85281";
        String urls = Stream.concat(PHOTOS.stream().map(photo -> host.url("/img/" + photo)), Stream.of(host.url("/missing/porch.jpg")))
                .map(url -> "\"" + url + "\"").collect(Collectors.joining(", "));
        Path input = JobFiles.writeInput("""
                {"properties": [{"address": "7 Dashboard Ct, Tempe, AZ 85281", "imageUrls": [%s]}]}""".formatted(urls), ".json");
        BatchApi api = new BatchApi();
        finished = api.start("download-images", JobFiles.parameters(input, outputDir));
        assertEquals("COMPLETED", api.awaitEnd(finished, TIMEOUT).getString("batchStatus"));
    }

    @AfterAll
    static void stopImageHost() {
        host.close();
    }

    @Test
    void theDashboardShowsTheFinishedDownloadWithItsCounts() {
        try (Browser browser = new Browser(BatchApi.ADMIN)) {
            browser.open("");
            String card = "[data-execution-id='" + finished + "']";
            browser.await("the finished execution's card", d -> text(browser, card + " .badge").equals("COMPLETED"));
            browser.await("its counts", d -> !browser.findAll(card + " .count").isEmpty());

            assertEquals(Map.of("downloaded", "5", "cached", "0", "failed", "1"), counts(browser, card));
            WebElement progress = browser.find(card + " progress");
            assertEquals("6", progress.getDomProperty("max"), "the execution's progress: 6 URLs in all");
            assertEquals("6", progress.getDomProperty("value"), "a full progress bar");
            assertEquals("6 / 6", text(browser, card + " .progress-text"));
            assertTrue(text(browser, card + " .counts").contains("images/s"), text(browser, card + " .counts"));
            assertTrue(text(browser, card + " .when").contains("COMPLETED_WITH_FAILURES"), text(browser, card + " .when"));
            assertFalse(browser.find(card).getText().contains("Restart"), "a completed execution cannot be restarted");
            assertTrue(browser.find("#start").isDisplayed(), "an admin may start downloads");

            browser.find(card + " .failures summary").click();
            String failures = browser.await("the execution's failed URLs", d -> {
                String list = text(browser, card + " .failures-body .failure-list");
                return list.contains(host.url("/missing/porch.jpg")) ? list : null;
            });
            assertTrue(failures.contains("HTTP 404"), failures);
            browser.screenshot("dashboard");
            assertNoConsoleErrors(browser);
        }
    }

    @Test
    void anAdminStartsADownloadFromAnInputFileOnTheServer() throws Exception {
        String outputDir = "started-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("""
                {"properties": [{"address": "5 Form Pl, Chandler", "imageUrls": ["%s"]}]}""".formatted(host.url("/img/backyard.jpg")), ".json");

        try (Browser browser = new Browser(BatchApi.ADMIN)) {
            browser.open("");
            browser.await("the start form", d -> browser.find("#start").isDisplayed());
            WebElement start = browser.find("#start-form button[type=submit]");
            start.click();
            browser.await("the form asking for an input", d -> text(browser, "#start-result")
                    .equals("Choose a file to upload, or give the path of an input file on the server."));
            browser.find("#input-path").sendKeys("/no/such/listings.json");
            start.click();
            browser.await("the server's 400 message", d -> text(browser, "#start-result").contains("/no/such/listings.json"));

            browser.find("#input-path").clear();
            browser.find("#input-path").sendKeys(input.toString());
            browser.find("#output-dir").sendKeys(outputDir);
            start.click();
            String result = browser.await("the start's result", d -> {
                String text = text(browser, "#start-result");
                return text.startsWith("Started execution") ? text : null;
            });
            Matcher id = Pattern.compile("Started execution #(\\d+)\\.").matcher(result);
            assertTrue(id.find(), result);
            long started = Long.parseLong(id.group(1));
            JsonObject execution = api.awaitEnd(started, TIMEOUT);
            assertEquals("COMPLETED", execution.getString("batchStatus"));
            assertEquals(input.toString(), execution.getJsonObject("jobParameters").getString("input"));
            assertTrue(Files.isRegularFile(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("5-form-pl-chandler/img_001.jpg")));
            browser.await("the new execution shown completed",
                    d -> text(browser, "[data-execution-id='" + started + "'] .badge").equals("COMPLETED"));
            assertEquals("", browser.find("#input-path").getDomProperty("value"), "the form is emptied for the next one");
            assertNoConsoleErrors(browser, Pattern.compile(".*/api/jobs/download-images/start - Failed to load resource: .* 400 .*"));
        }
    }

    @Test
    void anAdminUploadsAnInputFileAndItsDownloadRuns() throws Exception {
        String outputDir = "uploaded-" + UUID.randomUUID();
        Path input = JobFiles.writeInput("address,image_url\n6 Upload Ct,%s\n".formatted(host.url("/img/kitchen.webp")), ".csv");

        try (Browser browser = new Browser(BatchApi.ADMIN)) {
            browser.open("");
            browser.await("the start form", d -> browser.find("#start").isDisplayed());
            browser.find("#input-file").sendKeys(input.toString());
            browser.find("#output-dir").sendKeys(outputDir);
            browser.find("#start-form button[type=submit]").click();
            String result = browser.await("the start's result", d -> {
                String text = text(browser, "#start-result");
                return text.startsWith("Started execution") ? text : null;
            });
            Matcher id = Pattern.compile("Started execution #(\\d+)\\.").matcher(result);
            assertTrue(id.find(), result);
            JsonObject execution = api.awaitEnd(Long.parseLong(id.group(1)), TIMEOUT);
            assertEquals("COMPLETED", execution.getString("batchStatus"));
            assertTrue(execution.getJsonObject("jobParameters").getString("input").endsWith(input.getFileName().toString()),
                    "the job reads the uploaded copy, stored under the server's name for it: " + execution.getJsonObject("jobParameters"));
            assertTrue(Files.isRegularFile(JobFiles.IMAGES_ROOT.resolve(outputDir).resolve("6-upload-ct/img_001.jpg")));
            assertNoConsoleErrors(browser);
        }
    }

    @Test
    void aRestartClickRunsAStoppedExecutionAgain() throws Exception {
        host.slowDelayMillis = 300;
        String urls = IntStream.rangeClosed(1, 12).mapToObj(i -> "\"" + host.url("/slow/room" + i + ".jpg") + "\"")
                .collect(Collectors.joining(", "));
        Path input = JobFiles.writeInput("""
                {"properties": [{"address": "3 Restart Row, Mesa", "imageUrls": [%s]}]}""".formatted(urls), ".json");
        long stopped = api.start("download-images",
                "{\"input\": \"" + input + "\", \"outputDir\": \"restart-" + UUID.randomUUID() + "\", \"chunkSize\": \"1\"}");
        api.post("/jobexecutions/" + stopped + "/stop", "");
        assertEquals("STOPPED", api.awaitEnd(stopped, TIMEOUT).getString("batchStatus"));

        try (Browser browser = new Browser(BatchApi.ADMIN)) {
            browser.open("");
            String card = "[data-execution-id='" + stopped + "']";
            WebElement restart = browser.await("the stopped execution's Restart button",
                    d -> browser.findAll(card + " .actions button").stream()
                            .filter(b -> b.getText().equals("Restart") && b.isDisplayed()).findFirst().orElse(null));
            restart.click();

            String notice = browser.await("the restart's notice", d -> {
                String text = text(browser, "#notice");
                return text.contains("restarted as") ? text : null;
            });
            Matcher id = Pattern.compile("restarted as #(\\d+)").matcher(notice);
            assertTrue(id.find(), notice);
            long restarted = Long.parseLong(id.group(1));
            browser.await("the new execution's card", d -> !browser.findAll("[data-execution-id='" + restarted + "']").isEmpty());
            browser.screenshot("dashboard-restarted");

            JsonObject run = api.awaitEnd(restarted, TIMEOUT);
            assertEquals("COMPLETED", run.getString("batchStatus"));
            assertEquals(api.execution(stopped).getInt("jobInstanceId"), run.getInt("jobInstanceId"), "the same job instance");
            browser.await("the restarted execution shown completed",
                    d -> text(browser, "[data-execution-id='" + restarted + "'] .badge").equals("COMPLETED"));
            assertNoConsoleErrors(browser);
        }
    }

    @Test
    void theGalleryShowsThumbnailsAndOpensTheFullSizeView() {
        try (Browser browser = new Browser(BatchApi.ADMIN)) {
            browser.open("#gallery");
            // The list shows a page of the server's folders, other tests' too: the filter, done by the server, finds it.
            browser.find("#property-filter").sendKeys(folder.substring(0, folder.indexOf('/')).toUpperCase(Locale.ROOT));
            browser.click("the property in the list", "[data-folder='" + folder + "']");
            browser.await("its address as the heading", d -> text(browser, "#property-heading").equals("7 Dashboard Ct, Tempe, AZ 85281"));
            browser.await("five loaded thumbnails", d -> (Boolean) browser.script("""
                    const images = [...document.querySelectorAll('#property .thumb img')];
                    return images.length === arguments[0] && images.every(img => img.complete && img.naturalWidth > 0)""",
                    PHOTOS.size()));
            for (WebElement thumbnail : browser.findAll("#property .thumb img")) {
                assertTrue(thumbnail.getDomAttribute("src").contains("/thumbnails/img_00"), thumbnail.getDomAttribute("src"));
                long width = (Long) browser.script("return arguments[0].naturalWidth", thumbnail);
                assertEquals(320, width, "the thumbnail, not the 1024 pixels wide photo");
            }
            WebElement first = browser.find("#property .thumb");
            new Actions(browser.driver()).moveToElement(first).perform();
            browser.await("the manifest data shown on hover", d -> (Boolean) browser.script(
                    "return getComputedStyle(arguments[0].querySelector('.thumb-detail')).opacity === '1'", first));
            assertTrue(first.getText().contains(host.url("/img/front-elevation.jpg")), first.getText());
            browser.screenshot("gallery");

            first.sendKeys(Keys.ENTER);
            WebElement dialog = browser.find("#lightbox");
            browser.await("the full-size photo", d -> (Boolean) browser.script(
                    "return arguments[0].open && arguments[1].complete && arguments[1].naturalWidth === 1024", dialog, browser.find("#lightbox-image")));
            assertTrue(browser.find("#lightbox-image").getDomAttribute("src").endsWith("/images/img_001.jpg"));
            String caption = text(browser, "#lightbox-caption");
            assertTrue(caption.contains(host.url("/img/front-elevation.jpg")) && caption.contains("1024 × 768"), caption);
            browser.screenshot("gallery-full-size");

            Actions keys = new Actions(browser.driver());
            keys.sendKeys(Keys.ARROW_RIGHT).perform();
            browser.await("the next photo", d -> text(browser, "#lightbox-caption").contains("2 of 5 · img_002.jpg"));
            keys.sendKeys(Keys.ARROW_LEFT).sendKeys(Keys.ARROW_LEFT).perform();
            browser.await("the last photo, going round", d -> text(browser, "#lightbox-caption").contains("5 of 5 · img_005.jpg"));
            keys.sendKeys(Keys.ESCAPE).perform();
            browser.await("the view closed", d -> !(Boolean) browser.script("return arguments[0].open", dialog));
            // The dialog's close event, which moves the focus, is dispatched in a task after `open` turns false.
            browser.await("focus back on the photo the view showed last",
                    d -> "img_005.jpg".equals(browser.script("return document.activeElement.dataset.file")));
            assertNoConsoleErrors(browser);
        }
    }

    @Test
    void aMonitorFollowsTheJobsAndSeesThePhotosButGetsNoActions() {
        try (Browser browser = new Browser(BatchApi.MONITOR)) {
            browser.open("");
            String card = "[data-execution-id='" + finished + "']";
            browser.await("the finished execution's card", d -> text(browser, card + " .badge").equals("COMPLETED"));

            assertTrue(browser.findAll(".actions").isEmpty(), "no stop or restart buttons");
            assertFalse(browser.find("#start").isDisplayed(), "no start form");
            assertTrue(browser.find("#read-only").isDisplayed());
            assertTrue(text(browser, "#user").contains("monitor"), text(browser, "#user"));
            browser.screenshot("dashboard-monitor");

            browser.open("#gallery");
            // The list shows a page of the server's folders, other tests' too: the filter, done by the server, finds it.
            browser.find("#property-filter").sendKeys(folder.substring(0, folder.indexOf('/')).toUpperCase(Locale.ROOT));
            browser.click("the property in the list", "[data-folder='" + folder + "']");
            browser.await("a loaded thumbnail", d -> (Boolean) browser.script(
                    "const img = document.querySelector('#property .thumb img'); return !!img && img.complete && img.naturalWidth > 0"));
            assertNoConsoleErrors(browser);
        }
    }

    /** The element's visible text, read in one step: the page replaces parts of itself while it polls. */
    private static String text(Browser browser, String css) {
        return (String) browser.script("const e = document.querySelector(arguments[0]); return e ? e.innerText : ''", css);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> counts(Browser browser, String card) {
        return (Map<String, String>) browser.script("""
                const counts = {};
                document.querySelectorAll(arguments[0] + ' .count').forEach(c => {
                    const name = c.querySelector('dt').innerText;
                    if (['downloaded', 'cached', 'failed'].includes(name)) counts[name] = c.querySelector('dd').innerText;
                });
                return counts;""", card);
    }

    /** No errors in the console but Chromium's own lines about the answers {@code expected} matches. */
    private static void assertNoConsoleErrors(Browser browser, Pattern... expected) {
        List<String> errors = browser.consoleErrors().stream()
                .filter(message -> Stream.of(expected).noneMatch(pattern -> pattern.matcher(message).matches()))
                .toList();
        assertEquals(List.of(), errors, "console errors");
    }
}
