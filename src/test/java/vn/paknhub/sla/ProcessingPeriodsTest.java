package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.paknhub.intake.FieldCatalogue;

/** Đ13.1's longer processing periods per field, from the operators' file. */
class ProcessingPeriodsTest {

    @TempDir
    Path dir;

    private static FieldCatalogue fields() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/reference/fields.csv"))) {
            return FieldCatalogue.load(in);
        }
    }

    private ProcessingPeriods load(String rows) throws IOException {
        Path csv = dir.resolve("processing-periods.csv");
        Files.writeString(csv, "field,working_days,basis\n" + rows);
        return ProcessingPeriods.load(csv, fields());
    }

    @Test
    void a_field_with_a_longer_period_gets_it_and_its_reminder_three_days_before_the_end() throws IOException {
        ProcessingPeriods periods = load("q,30,Quyết định 12/QĐ-BCĐ\n");
        assertThat(periods.workingDays(Clock.PROCESSING, "q")).isEqualTo(30);
        assertThat(Clock.PROCESSING.warnAfter(periods.workingDays(Clock.PROCESSING, "Q"))).isEqualTo(27);
        assertThat(periods.legalBasis(Clock.PROCESSING, "q"))
                .isEqualTo("Đ13.1; 30 ngày làm việc cho lĩnh vực q (Quyết định 12/QĐ-BCĐ)");
        // other fields, unclassified cases and other clocks keep the regulation's periods
        assertThat(periods.workingDays(Clock.PROCESSING, "d")).isEqualTo(15);
        assertThat(Clock.PROCESSING.warnAfter(periods.workingDays(Clock.PROCESSING, null))).isEqualTo(12);
        assertThat(periods.workingDays(Clock.APPEAL_ANSWER, "q")).isEqualTo(15);
        assertThat(periods.legalBasis(Clock.SUPPLEMENT, "q")).isEqualTo("Đ11.2b");
        assertThat(Clock.SUPPLEMENT.warnAfter(periods.workingDays(Clock.SUPPLEMENT, "q"))).isZero();
    }

    @Test
    void an_unknown_field_or_a_period_not_longer_than_fifteen_days_stops_start_up_naming_the_line() {
        assertThatThrownBy(() -> load("zz,30,Quyết định 12/QĐ-BCĐ\n")).hasMessageContaining("line 2").hasMessageContaining("no field zz");
        assertThatThrownBy(() -> load("q,30,QĐ 12\nd,10,QĐ 13\n")).hasMessageContaining("line 3")
                .hasMessageContaining("longer than the 15 working days");
        assertThatThrownBy(() -> load("q,ba mươi,QĐ 12\n")).hasMessageContaining("not ba mươi");
    }

    @Test
    void the_shipped_file_lists_no_field_and_every_period_is_the_regulations() throws IOException {
        ProcessingPeriods shipped = ProcessingPeriods.load(Path.of("calendar/processing-periods.csv"), fields());
        assertThat(shipped.workingDays(Clock.PROCESSING, "q")).isEqualTo(15);
    }
}
