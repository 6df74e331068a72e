package io.propertyimages.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Shows progress lines: on a terminal, one line redrawn in place; otherwise (a pipe, a log file) one line per update,
 * at most one every {@link #LINE_INTERVAL}, and always the last.
 */
class ProgressDisplay {
    static final Duration LINE_INTERVAL = Duration.ofSeconds(2);

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String shown = "";
    private String printed = "";
    private long printedAt;

    ProgressDisplay(PrintWriter out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    /** Shows nothing: for {@code --json}, whose output is the final execution only. */
    static ProgressDisplay silent() {
        return new ProgressDisplay(null, false, System::nanoTime) {
            @Override
            void show(String line) {
            }

            @Override
            void end(String line) {
            }
        };
    }

    void show(String line) {
        if (terminal) {
            redraw(line);
        } else if (!line.equals(printed) && (printed.isEmpty() || nanoTime.getAsLong() - printedAt >= LINE_INTERVAL.toNanos())) {
            printLine(line);
        }
    }

    /** The final line: it stays on the screen. */
    void end(String line) {
        if (terminal) {
            redraw(line);
            out.println();
            out.flush();
        } else if (!line.equals(printed)) {
            printLine(line);
        }
    }

    private void redraw(String line) {
        out.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
        out.flush();
        shown = line;
    }

    private void printLine(String line) {
        out.println(line);
        out.flush();
        printed = line;
        printedAt = nanoTime.getAsLong();
    }
}
