package io.propertyimages.input;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

/**
 * Streams {@code {"properties":[{"address":"…","imageUrls":["…"]}]}}: one property at a time is held in memory, so a
 * file of any length reads in constant memory. Other fields are ignored.
 */
final class JsonUrlItemSource implements UrlItemSource {
    private final Reader reader;
    private final JsonParser parser;
    private final Deque<UrlItem> pending = new ArrayDeque<>();
    private int propertyIndex = -1;
    private long nextIndex;
    private boolean finished;

    JsonUrlItemSource(Reader reader) throws InputFormatException {
        this.reader = reader;
        this.parser = Json.createParser(reader);
        try {
            expect(parser.hasNext() ? parser.next() : null, Event.START_OBJECT, "the input");
            seekPropertiesArray();
        } catch (JsonParsingException e) {
            throw malformed(e);
        }
    }

    @Override
    public UrlItem next() throws InputFormatException {
        try {
            while (pending.isEmpty() && !finished) {
                readNextProperty();
            }
        } catch (JsonParsingException e) {
            throw malformed(e);
        }
        return pending.poll();
    }

    private void seekPropertiesArray() throws InputFormatException {
        while (true) {
            Event event = parser.next();
            if (event == Event.END_OBJECT) {
                throw new InputFormatException("the input has no \"properties\" field " + at(parser.getLocation()));
            }
            String key = parser.getString();
            Event value = parser.next();
            if (key.equals("properties")) {
                expect(value, Event.START_ARRAY, "\"properties\"");
                return;
            }
            skip(value);
        }
    }

    private void readNextProperty() throws InputFormatException {
        Event event = parser.next();
        if (event == Event.END_ARRAY) {
            finished = true;
            return;
        }
        propertyIndex++;
        String field = "properties[" + propertyIndex + "]";
        expect(event, Event.START_OBJECT, field);
        String address = null;
        List<String> urls = null;
        while ((event = parser.next()) != Event.END_OBJECT) {
            String key = parser.getString();
            Event value = parser.next();
            switch (key) {
                case "address" -> {
                    expect(value, Event.VALUE_STRING, field + ".address");
                    address = parser.getString();
                }
                case "imageUrls" -> urls = readUrls(value, field + ".imageUrls");
                default -> skip(value);
            }
        }
        if (address == null || address.isBlank()) {
            throw new InputFormatException(field + ".address is missing or blank " + at(parser.getLocation()));
        }
        Addresses.requireFolderName(address, field + ".address");
        if (urls == null) {
            throw new InputFormatException(field + ".imageUrls is missing " + at(parser.getLocation()));
        }
        for (int i = 0; i < urls.size(); i++) {
            pending.add(new UrlItem(nextIndex++, propertyIndex, address, urls.get(i), i + 1));
        }
    }

    private List<String> readUrls(Event start, String field) throws InputFormatException {
        expect(start, Event.START_ARRAY, field);
        List<String> urls = new ArrayList<>();
        Event event;
        while ((event = parser.next()) != Event.END_ARRAY) {
            expect(event, Event.VALUE_STRING, field + "[" + urls.size() + "]");
            urls.add(parser.getString().strip());
        }
        return urls;
    }

    private void skip(Event value) {
        if (value == Event.START_OBJECT) {
            parser.skipObject();
        } else if (value == Event.START_ARRAY) {
            parser.skipArray();
        }
    }

    private void expect(Event actual, Event expected, String field) throws InputFormatException {
        if (actual != expected) {
            throw new InputFormatException(field + " must be " + describe(expected) + ", found "
                    + (actual == null ? "nothing" : describe(actual)) + " " + at(parser.getLocation()));
        }
    }

    private static String describe(Event event) {
        return switch (event) {
            case START_OBJECT, END_OBJECT -> "an object";
            case START_ARRAY, END_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            case KEY_NAME -> "a field name";
        };
    }

    private static InputFormatException malformed(JsonParsingException e) {
        return new InputFormatException("malformed JSON " + at(e.getLocation()) + ": " + e.getMessage());
    }

    private static String at(JsonLocation location) {
        return "(line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    @Override
    public void close() throws IOException {
        parser.close();
        reader.close();
    }
}
