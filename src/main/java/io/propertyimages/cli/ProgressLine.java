package io.propertyimages.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * One line that says how far a download is:
 * {@code [#########---------------]  38%  46/120  downloaded 40  cached 4  failed 2  3.1 MB  5.2 img/s  ETA 0:14}.
 */
final class ProgressLine {
    static final int BAR_WIDTH = 24;

    private ProgressLine() {
    }

    /** @param progress null while the job has not read its input yet, and for jobs that report none: the status alone */
    static String format(String batchStatus, Progress progress) {
        if (progress == null) {
            return batchStatus;
        }
        long total = progress.total();
        long done = Math.min(progress.done(), total);
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        return String.format(Locale.ROOT, "%s %3d%%  %d/%d  downloaded %d  cached %d  failed %d  %s  %.1f img/s  ETA %s",
                bar(done, total), percent, progress.done(), total, progress.downloaded(), progress.cached(),
                progress.failed(), Formats.bytes(progress.bytes()), progress.imagesPerSecond(), eta(progress));
    }

    /** The time the rest takes at the current rate; {@code --:--} before there is a rate. */
    static String eta(Progress progress) {
        long remaining = Math.max(0, progress.total() - progress.done());
        if (remaining == 0) {
            return Formats.clock(Duration.ZERO);
        }
        if (progress.imagesPerSecond() <= 0) {
            return "--:--";
        }
        return Formats.clock(Duration.ofSeconds((long) Math.ceil(remaining / progress.imagesPerSecond())));
    }

    private static String bar(long done, long total) {
        int filled = total == 0 ? BAR_WIDTH : (int) (done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled) + "]";
    }
}
