package io.propertyimages.schedule;

import java.sql.SQLException;

/** The schedule table could not be read or changed. */
public class ScheduleStoreException extends RuntimeException {
    ScheduleStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
