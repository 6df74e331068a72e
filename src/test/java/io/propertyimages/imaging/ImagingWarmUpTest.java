package io.propertyimages.imaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

class ImagingWarmUpTest {
    @Test
    void convertsEverySampleAndSaysHowLongItTook() {
        Logger logger = Logger.getLogger(ImagingWarmUp.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            ImagingWarmUp.run();
        } finally {
            logger.removeHandler(handler);
        }

        assertFalse(records.isEmpty());
        assertTrue(records.stream().allMatch(record -> record.getLevel() == Level.INFO), records.get(0).getMessage());
        assertTrue(records.get(0).getMessage().startsWith("Image conversions warmed up in "), records.get(0).getMessage());
    }
}
