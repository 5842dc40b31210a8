package vn.paknhub.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.paknhub.core.calendar.WorkingCalendar;

/** Đ13.3: a result's posting is an instant, so the 17:00 cut-off applies to it like to every other clock. */
class ResultPostingCutOffTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @ParameterizedTest(name = "due {0}, posted {1} → late {2}")
    @CsvSource({
            // on the due day, before the cut-off: on time
            "2026-12-09, 2026-12-09T16:59, false",
            // on the due day, after the cut-off: it counts from the next working day, so late
            "2026-12-09, 2026-12-09T17:30, true",
            // on the Saturday after a Friday due day: the next working day is Monday, late
            "2026-12-11, 2026-12-12T09:00, true",
            // the evening before the due day: counts from the due day, on time
            "2026-12-09, 2026-12-08T20:00, false",
    })
    void a_result_posted_after_the_cut_off_counts_from_the_next_working_day(LocalDate due, String posted, boolean late)
            throws Exception {
        WorkingCalendar calendar = WorkingCalendar.load(Path.of("calendar/holidays.csv"), LocalTime.of(17, 0), VIETNAM);
        assertThat(CaseClocks.postedLate(calendar, LocalDateTime.parse(posted).atZone(VIETNAM).toInstant(), due))
                .isEqualTo(late);
    }
}
