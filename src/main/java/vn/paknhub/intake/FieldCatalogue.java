package vn.paknhub.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.paknhub.core.text.VietnameseText;

/**
 * The fields (lĩnh vực) by which items are classified, Art. 6.1. The Steering Committee may change
 * the list (Art. 6.2), so it is data, not an enum: a CSV with the header
 * {@code code,letter,name_vi,name_en}. Codes are ASCII because they travel in URLs and JSON
 * ("dd" for the letter đ).
 */
public final class FieldCatalogue {

    /** The list of Art. 6.1 as issued on 23/6/2025. */
    public static final String DEFAULT_RESOURCE = "/reference/fields.csv";

    private static final List<String> HEADER = List.of("code", "letter", "name_vi", "name_en");

    /** One field of Art. 6.1. */
    public record Field(String code, String letter, String nameVi, String nameEn) {
    }

    private final Map<String, Field> byCode;

    private FieldCatalogue(Map<String, Field> byCode) {
        this.byCode = byCode;
    }

    /** The catalogue shipped with the hub ({@value #DEFAULT_RESOURCE}). */
    public static FieldCatalogue loadDefault() {
        try (InputStream csv = FieldCatalogue.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (csv == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
            }
            return load(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a UTF-8 CSV (an optional BOM is tolerated because spreadsheet programs write one).
     * Fails on a wrong header, a short or long row, a blank value or a repeated code, naming the
     * line: a broken catalogue must stop the hub at start-up rather than misclassify items.
     */
    public static FieldCatalogue load(InputStream csv) {
        Objects.requireNonNull(csv, "csv");
        Map<String, Field> byCode = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null || !HEADER.equals(parseLine(header.replace("\uFEFF", ""), 1))) {
                throw new IllegalArgumentException("field catalogue: line 1 must be " + String.join(",", HEADER));
            }
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> values = parseLine(line, lineNumber);
                if (values.size() != HEADER.size() || values.stream().anyMatch(String::isEmpty)) {
                    throw new IllegalArgumentException("field catalogue: line " + lineNumber
                            + " needs 4 non-empty values, got " + values);
                }
                Field field = new Field(values.get(0), values.get(1), values.get(2), values.get(3));
                if (byCode.putIfAbsent(field.code(), field) != null) {
                    throw new IllegalArgumentException("field catalogue: line " + lineNumber
                            + " repeats code " + field.code());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (byCode.isEmpty()) {
            throw new IllegalArgumentException("field catalogue: no fields");
        }
        return new FieldCatalogue(byCode);
    }

    /** RFC 4180 fields on one line: quoted values may hold commas, and "" stands for a quote. */
    private static List<String> parseLine(String line, int lineNumber) {
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
            throw new IllegalArgumentException("field catalogue: line " + lineNumber + " has an unclosed quote");
        }
        values.add(VietnameseText.normalize(value.toString()));
        return values;
    }

    /** The field with this code, matched exactly ("dd", not "đ" or "DD"). */
    public Optional<Field> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** All fields in catalogue order. */
    public List<Field> all() {
        return List.copyOf(byCode.values());
    }
}
