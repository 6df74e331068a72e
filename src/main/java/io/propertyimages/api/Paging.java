package io.propertyimages.api;

import jakarta.ws.rs.core.Response.Status;

/** The {@code start} (0-based) and {@code count} query parameters of a paged list, checked. */
record Paging(long start, int count) {
    static final int MAX_COUNT = 1000;
    static final int DEFAULT_COUNT = 100;

    /** @throws ApiException 400 naming the parameter that is not a whole number in range */
    static Paging of(String start, String count) {
        return new Paging(number("start", start, 0, 0, Long.MAX_VALUE),
                (int) number("count", count, DEFAULT_COUNT, 1, MAX_COUNT));
    }

    private static long number(String name, String value, long absent, long min, long max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        long number;
        try {
            number = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(name, value, min, max);
        }
        if (number < min || number > max) {
            throw outOfRange(name, value, min, max);
        }
        return number;
    }

    private static ApiException outOfRange(String name, String value, long min, long max) {
        String range = max == Long.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        return new ApiException(Status.BAD_REQUEST, name + " must be a whole number " + range + ", found \"" + value + "\"");
    }
}
