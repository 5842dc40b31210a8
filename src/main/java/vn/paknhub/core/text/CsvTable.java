package vn.paknhub.core.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reference data that operators maintain in spreadsheets (agencies, fields): UTF-8 CSV with a
 * fixed header, every value present, values in NFC. A broken file stops the hub at start-up with
 * the line named, rather than leaving it to misroute or misclassify items.
 */
public final class CsvTable {

    private CsvTable() {
    }

    /** One data row and where it stood in the file. */
    public record Row(int line, List<String> values) {

        public String get(int column) {
            return values.get(column);
        }
    }

    /**
     * @param what names the file in error messages, e.g. "field catalogue"
     * @param header the exact first line expected; an optional BOM is tolerated (spreadsheets write one)
     */
    public static List<Row> read(InputStream csv, String what, List<String> header) {
        List<Row> rows = readRows(csv, what, header);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(what + ": no rows");
        }
        return rows;
    }

    /** The same for a list that may rightly be empty (no maintenance announced, no field with a longer period). */
    public static List<Row> readPossiblyEmpty(InputStream csv, String what, List<String> header) {
        return readRows(csv, what, header);
    }

    private static List<Row> readRows(InputStream csv, String what, List<String> header) {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (first == null || !header.equals(parseLine(first.replace("\uFEFF", ""), what, 1))) {
                throw new IllegalArgumentException(what + ": line 1 must be " + String.join(",", header));
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = parseLine(line, what, lineNumber);
                if (values.size() != header.size() || values.stream().anyMatch(String::isEmpty)) {
                    throw new IllegalArgumentException(what + ": line " + lineNumber + " needs " + header.size()
                            + " non-empty values, got " + values);
                }
                rows.add(new Row(lineNumber, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** RFC 4180 fields on one line: quoted values may hold commas, and "" stands for a quote. */
    private static List<String> parseLine(String line, String what, int lineNumber) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c != '"') {
                    value.append(c);
                } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(VietnameseText.normalize(value.toString()));
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException(what + ": line " + lineNumber + " has an unclosed quote");
        }
        values.add(VietnameseText.normalize(value.toString()));
        return values;
    }
}
