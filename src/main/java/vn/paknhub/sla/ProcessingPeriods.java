package vn.paknhub.sla;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.paknhub.core.text.CsvTable;
import vn.paknhub.intake.FieldCatalogue;

/**
 * Đ13.1: processing takes 15 working days, except in the fields for which a longer period is set
 * ({@code field,working_days,basis}, the operators' file; the basis names the act that sets it). A shorter period, or a field the hub
 * does not know, stops start-up: a mistake here would move every deadline of the field.
 */
final class ProcessingPeriods {

    private record Period(int workingDays, String basis) {
    }

    private final Map<String, Period> byField;

    private ProcessingPeriods(Map<String, Period> byField) {
        this.byField = Map.copyOf(byField);
    }

    static ProcessingPeriods load(Path csv, FieldCatalogue fields) throws IOException {
        Map<String, Period> periods = new HashMap<>();
        try (InputStream in = Files.newInputStream(csv)) {
            for (CsvTable.Row row : CsvTable.readPossiblyEmpty(in, csv.toString(), List.of("field", "working_days", "basis"))) {
                String field = row.get(0).strip().toLowerCase(Locale.ROOT);
                if (fields.find(field).isEmpty()) {
                    throw new IllegalArgumentException(csv + " line " + row.line() + ": no field " + row.get(0)
                            + " in the field list");
                }
                int days;
                try {
                    days = Integer.parseInt(row.get(1).strip());
                } catch (NumberFormatException e) {
                    days = 0;
                }
                if (days <= Clock.PROCESSING.workingDays()) {
                    throw new IllegalArgumentException(csv + " line " + row.line() + ": a field's period must be longer"
                            + " than the " + Clock.PROCESSING.workingDays() + " working days of Đ13.1, not " + row.get(1));
                }
                periods.put(field, new Period(days, row.get(2).strip()));
            }
        }
        return new ProcessingPeriods(periods);
    }

    /** The working days of {@code clock} for a case of {@code field} (null: not classified yet). */
    int workingDays(Clock clock, String field) {
        Period p = clock == Clock.PROCESSING && field != null ? byField.get(field.toLowerCase(Locale.ROOT)) : null;
        return p == null ? clock.workingDays() : p.workingDays();
    }

    String legalBasis(Clock clock, String field) {
        Period p = clock == Clock.PROCESSING && field != null ? byField.get(field.toLowerCase(Locale.ROOT)) : null;
        return p == null ? clock.legalBasis() : clock.legalBasis() + "; " + p.workingDays() + " ngày làm việc cho lĩnh vực "
                + field.toLowerCase(Locale.ROOT) + " (" + p.basis() + ")";
    }
}
