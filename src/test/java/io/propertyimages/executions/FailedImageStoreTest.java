package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FailedImageStoreTest {
    @Test
    void textThatFitsItsColumnIsKept() {
        String url = "https://photos.example.com/a.jpg";
        assertSame(url, FailedImageStore.cut(url, url.length()));
    }

    @Test
    void longerTextIsCutToItsColumnWithAnEllipsis() {
        String cut = FailedImageStore.cut("x".repeat(20), 10);
        assertEquals(10, cut.length());
        assertEquals("xxxxxxxxx…", cut);
    }
}
