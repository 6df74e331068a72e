package io.propertyimages.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams CSV with the header {@code address,image_url}, one row per URL in order; consecutive rows with the same
 * address are one property. Blank lines are skipped and fields may be quoted (RFC 4180).
 */
final class CsvUrlItemSource implements UrlItemSource {
    private static final List<String> HEADER = List.of("address", "image_url");
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private String currentAddress;
    private int propertyIndex = -1;
    private int position;
    private long nextIndex;

    CsvUrlItemSource(Reader reader) throws IOException, InputFormatException {
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new InputFormatException("malformed CSV header (line 1): " + e.getMessage());
        }
        if (!parser.getHeaderNames().equals(HEADER)) {
            throw new InputFormatException("the CSV header (line 1) must be \"address,image_url\", found \""
                    + String.join(",", parser.getHeaderNames()) + "\"");
        }
        records = parser.iterator();
    }

    @Override
    public UrlItem next() throws InputFormatException {
        CSVRecord record;
        try {
            if (!records.hasNext()) {
                return null;
            }
            record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InputFormatException("malformed CSV after line " + parser.getCurrentLineNumber() + ": " + rootMessage(e));
        }
        String line = "line " + (parser.getCurrentLineNumber());
        if (record.size() != HEADER.size()) {
            throw new InputFormatException(line + ": expected 2 fields (address,image_url), found " + record.size());
        }
        String address = record.get(0);
        String url = record.get(1);
        if (address.isEmpty()) {
            throw new InputFormatException(line + ": address is empty");
        }
        if (url.isEmpty()) {
            throw new InputFormatException(line + ": image_url is empty");
        }
        if (!address.equals(currentAddress)) {
            Addresses.requireFolderName(address, line + ": address");
            currentAddress = address;
            propertyIndex++;
            position = 0;
        }
        position++;
        return new UrlItem(nextIndex++, propertyIndex, address, url, position);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
