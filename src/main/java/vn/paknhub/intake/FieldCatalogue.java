package vn.paknhub.intake;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import vn.paknhub.core.text.CsvTable;

/**
 * The fields (lĩnh vực) by which items are classified, Art. 6.1. The Steering Committee may change
 * the list (Art. 6.2), so it is data, not an enum: a CSV with the header
 * {@code code,letter,name_vi,name_en}. Codes are ASCII because they travel in URLs and JSON
 * ("dd" for the letter đ).
 */
public final class FieldCatalogue {

    private static final List<String> HEADER = List.of("code", "letter", "name_vi", "name_en");

    /** One field of Art. 6.1. */
    public record Field(String code, String letter, String nameVi, String nameEn) {
    }

    private final Map<String, Field> byCode;

    private FieldCatalogue(Map<String, Field> byCode) {
        this.byCode = byCode;
    }

    /**
     * Reads a UTF-8 CSV (an optional BOM is tolerated because spreadsheet programs write one).
     * Fails on a wrong header, a short or long row, a blank value or a repeated code, naming the
     * line: a broken catalogue must stop the hub at start-up rather than misclassify items.
     */
    public static FieldCatalogue load(InputStream csv) {
        Objects.requireNonNull(csv, "csv");
        Map<String, Field> byCode = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.read(csv, "field catalogue", HEADER)) {
            Field field = new Field(row.get(0), row.get(1), row.get(2), row.get(3));
            if (byCode.putIfAbsent(field.code(), field) != null) {
                throw new IllegalArgumentException("field catalogue: line " + row.line() + " repeats code " + field.code());
            }
        }
        return new FieldCatalogue(byCode);
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
