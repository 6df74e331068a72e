package io.propertyimages.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

class PagingTest {
    @Test
    void absentParametersMeanTheFirstPageOfTheDefaultSize() {
        assertEquals(new Paging(0, Paging.DEFAULT_COUNT), Paging.of(null, ""));
    }

    @Test
    void wholeNumbersInRangeAreTaken() {
        assertEquals(new Paging(40, 20), Paging.of("40", " 20 "));
        assertEquals(new Paging(0, Paging.MAX_COUNT), Paging.of("0", "1000"));
    }

    @Test
    void anythingElseIsABadRequestNamingTheParameter() {
        assertBadRequest("start must be a whole number 0 or more, found \"-1\"", "-1", null);
        assertBadRequest("start must be a whole number 0 or more, found \"two\"", "two", null);
        assertBadRequest("count must be a whole number from 1 to 1000, found \"0\"", null, "0");
        assertBadRequest("count must be a whole number from 1 to 1000, found \"1001\"", null, "1001");
        assertBadRequest("count must be a whole number from 1 to 1000, found \"2.5\"", null, "2.5");
    }

    private static void assertBadRequest(String message, String start, String count) {
        ApiException e = assertThrows(ApiException.class, () -> Paging.of(start, count));
        assertEquals(Status.BAD_REQUEST, e.status());
        assertEquals(message, e.getMessage());
    }
}
