package io.propertyimages.imaging;

import java.util.concurrent.Semaphore;

/**
 * Lets at most a set number of images be decoded and re-encoded at once, however many downloads run. That work is
 * CPU-bound, so more of it at once than there are cores gains nothing, and each one holds its pixels and its
 * decoder's state: TwelveMonkeys' WebP decoder needs some 80 MB of heap for a 2048x1536 image.
 */
final class DecodeSlots {
    private final Semaphore slots;

    DecodeSlots(int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one decode slot, not " + slots);
        }
        this.slots = new Semaphore(slots, true);
    }

    @FunctionalInterface
    interface Decode<T, E extends Exception> {
        T run() throws E;
    }

    /** Runs {@code decode} once a slot is free. */
    <T, E extends Exception> T run(Decode<T, E> decode) throws E {
        slots.acquireUninterruptibly();
        try {
            return decode.run();
        } finally {
            slots.release();
        }
    }
}
