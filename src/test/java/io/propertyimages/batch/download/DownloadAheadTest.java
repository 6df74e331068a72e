package io.propertyimages.batch.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.propertyimages.download.DownloadFailedException;
import io.propertyimages.download.DownloadedImage;
import io.propertyimages.input.UrlItem;

class DownloadAheadTest {
    private static final UrlItem FIRST = new UrlItem(0, 0, "1 Main St", "http://127.0.0.1/a.jpg", 1);
    private static final UrlItem SECOND = new UrlItem(1, 0, "1 Main St", "http://127.0.0.1/b.jpg", 2);

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final DownloadAhead ahead = new DownloadAhead();
    private final List<String> downloaded = new ArrayList<>();

    DownloadAheadTest() {
        ahead.executor = threads;
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void takesTheDownloadStartedForTheSameUrlWithoutDownloadingAgain() throws Exception {
        DownloadedImage body = image("ahead");
        ahead.start(SECOND, () -> body);

        assertSame(body, ahead.take(SECOND, () -> downloadNow(SECOND)));
        assertEquals(List.of(), downloaded);
        assertEquals("now", new String(ahead.take(SECOND, () -> downloadNow(SECOND)).body()),
                "a download is taken once");
    }

    @Test
    void downloadsNowWhenNothingOrAnotherUrlWasStarted() throws Exception {
        assertEquals("now", new String(ahead.take(FIRST, () -> downloadNow(FIRST)).body()));

        ahead.start(SECOND, () -> image("ahead"));
        assertEquals("now", new String(ahead.take(FIRST, () -> downloadNow(FIRST)).body()));
        assertEquals(List.of(FIRST.url(), FIRST.url()), downloaded);
    }

    @Test
    void aFailedDownloadAheadFailsItsUrlWithItsReason() {
        ahead.start(SECOND, () -> {
            throw new DownloadFailedException("HTTP 404", 1);
        });

        DownloadFailedException failed = assertThrows(DownloadFailedException.class,
                () -> ahead.take(SECOND, () -> downloadNow(SECOND)));
        assertEquals("HTTP 404", failed.reason());
        assertEquals(List.of(), downloaded);
    }

    @Test
    void cancelStopsADownloadThatWasNotTaken() throws Exception {
        SlowDownload slow = new SlowDownload();
        ahead.start(SECOND, slow::run);
        assertTrue(slow.running.await(5, TimeUnit.SECONDS));

        ahead.cancel();

        assertTrue(slow.interrupted.await(5, TimeUnit.SECONDS), "the download's thread is interrupted");
        assertEquals("now", new String(ahead.take(SECOND, () -> downloadNow(SECOND)).body()));
    }

    @Test
    void startingAnotherDownloadCancelsTheOneNotTaken() throws Exception {
        SlowDownload slow = new SlowDownload();
        ahead.start(FIRST, slow::run);
        assertTrue(slow.running.await(5, TimeUnit.SECONDS));

        ahead.start(SECOND, () -> image("second"));

        assertTrue(slow.interrupted.await(5, TimeUnit.SECONDS));
        assertEquals("second", new String(ahead.take(SECOND, () -> downloadNow(SECOND)).body()));
        assertEquals(0, slow.finished.get());
    }

    @Test
    void aRefusedStartLeavesTheDownloadToItsTurn() throws Exception {
        ahead.executor = task -> {
            throw new RejectedExecutionException("stopping");
        };

        ahead.start(SECOND, () -> image("ahead"));

        assertEquals("now", new String(ahead.take(SECOND, () -> downloadNow(SECOND)).body()));
    }

    private DownloadedImage downloadNow(UrlItem item) {
        downloaded.add(item.url());
        return image("now");
    }

    /** A download that takes a minute unless its thread is interrupted, and says when it runs and when it is. */
    private static final class SlowDownload {
        final CountDownLatch running = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);
        final AtomicInteger finished = new AtomicInteger();

        DownloadedImage run() throws InterruptedException {
            running.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            finished.incrementAndGet();
            return image("too late");
        }
    }

    private static DownloadedImage image(String body) {
        return new DownloadedImage(body.getBytes(), "image/jpeg", null, null, 1);
    }
}
