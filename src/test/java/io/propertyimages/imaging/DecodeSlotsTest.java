package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class DecodeSlotsTest {

    @Test
    void neverRunsMoreDecodesAtOnceThanItHasSlots() throws Exception {
        DecodeSlots slots = new DecodeSlots(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        CountDownLatch allStarted = new CountDownLatch(6);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> decodes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                decodes.add(threads.submit(() -> {
                    allStarted.countDown();
                    return slots.run(() -> {
                        peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                        Thread.sleep(20);
                        running.decrementAndGet();
                        return n;
                    });
                }));
            }
            assertTrue(allStarted.await(5, TimeUnit.SECONDS));
            for (int i = 0; i < 6; i++) {
                assertEquals(i, decodes.get(i).get(5, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(2, peak.get());
    }

    @Test
    void freesTheSlotOfADecodeThatFailed() throws Exception {
        DecodeSlots slots = new DecodeSlots(1);

        assertThrows(IOException.class, () -> slots.run(() -> {
            throw new IOException("corrupt");
        }));

        assertEquals("next", slots.run(() -> "next"));
    }

    @Test
    void needsAtLeastOneSlot() {
        assertThrows(IllegalArgumentException.class, () -> new DecodeSlots(0));
    }
}
