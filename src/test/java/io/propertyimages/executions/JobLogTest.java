package io.propertyimages.executions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JobLogTest {
    @Test
    void writesControlCharactersAsEscapesAndLeavesTheRestAlone() {
        assertEquals("Property \"1 A St\\u0000/../x\\u000a\\u001b[2J\": downloaded=1",
                JobLog.printable("Property \"1 A St\u0000/../x\n\u001b[2J\": downloaded=1"));
        assertEquals("Property \"Café Straße 1\"", JobLog.printable("Property \"Café Straße 1\""));
    }
}
