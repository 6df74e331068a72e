package io.propertyimages.download;

import java.time.Duration;

/** Waits between attempts; tests replace it so they need not wait. */
@FunctionalInterface
interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
