package io.propertyimages.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final StringWriter text = new StringWriter();
    private long now;

    @Test
    void onATerminalRedrawsOneLineInPlaceAndEndsIt() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), true, () -> now);

        display.show("STARTED");
        display.show("[###] 10%");
        display.show("[####] 9");
        display.end("done");

        assertEquals("\rSTARTED\r[###] 10%\r[####] 9 \rdone    " + System.lineSeparator(), text.toString());
    }

    @Test
    void elsewherePrintsALinePerChangeAtMostEveryIntervalAndAlwaysTheLast() {
        ProgressDisplay display = new ProgressDisplay(new PrintWriter(text), false, () -> now);

        display.show("a");
        display.show("a");
        now += Duration.ofMillis(500).toNanos();
        display.show("b");
        now += ProgressDisplay.LINE_INTERVAL.toNanos();
        display.show("c");
        display.show("d");
        display.end("e");

        assertEquals(String.join(System.lineSeparator(), "a", "c", "e", ""), text.toString());
    }
}
