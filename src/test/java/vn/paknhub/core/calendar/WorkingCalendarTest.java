package vn.paknhub.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines on the shipped calendar (calendar/holidays.csv), counted as the Civil Code counts them. */
class WorkingCalendarTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingCalendar CALENDAR = load();

    private static WorkingCalendar load() {
        try {
            return WorkingCalendar.load(Path.of("calendar/holidays.csv"), LocalTime.of(17, 0), VIETNAM);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "received {0} → counts from {1}; {2} working days → {3}")
    @CsvSource({
            // an ordinary week
            "2026-11-23T09:00, 2026-11-23, 15, 2026-12-14",
            // Tết 2026: 16–20/2 off, 14–15 and 21–22/2 weekend
            "2026-02-12T10:00, 2026-02-12, 5, 2026-02-26",
            // a Friday evening before Tết: after the 17:00 cut-off, received on the next working day (23/2)
            "2026-02-13T18:30, 2026-02-23, 5, 2026-03-02",
            "2026-02-13T16:59, 2026-02-13, 1, 2026-02-23",
            "2026-02-13T17:00, 2026-02-23, 1, 2026-02-24",
            // received on a holiday (mùng 1 Tết)
            "2026-02-17T09:00, 2026-02-23, 5, 2026-03-02",
            // New Year 2026: 1/1 holiday, 2/1 swapped day off, worked on Saturday 10/1
            "2025-12-31T10:00, 2025-12-31, 1, 2026-01-05",
            "2026-01-09T10:00, 2026-01-09, 1, 2026-01-10",
            "2026-01-10T10:00, 2026-01-10, 1, 2026-01-12",
            // National Day 2026: Saturday 22/8 worked, Monday 31/8 off, 1–2/9 holidays
            "2026-08-21T10:00, 2026-08-21, 1, 2026-08-22",
            "2026-08-28T10:00, 2026-08-28, 1, 2026-09-03",
            // Giỗ Tổ 2026 falls on Sunday 26/4: Monday 27/4 compensatory; 30/4 and 1/5 holidays
            "2026-04-24T10:00, 2026-04-24, 1, 2026-04-28",
            "2026-04-24T10:00, 2026-04-24, 3, 2026-05-04",
            // received on the Sunday of Giỗ Tổ: counts from Tuesday 28/4; 29/4, then 4/5 after the holidays
            "2026-04-26T08:00, 2026-04-28, 2, 2026-05-04",
    })
    void working_day_deadlines(String received, LocalDate countsFrom, int days, LocalDate expected) {
        LocalDate receipt = CALENDAR.dayZero(LocalDateTime.parse(received).atZone(VIETNAM).toInstant());
        assertThat(receipt).isEqualTo(countsFrom);
        assertThat(CALENDAR.workingDaysAfter(receipt, days).day()).isEqualTo(expected);
    }

    @Test
    void holidays_compensatory_days_and_weekends_are_off_and_worked_saturdays_are_working_days() {
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 4, 27))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 10))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 1, 17))).isFalse();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 11, 23))).isTrue();
    }

    @Test
    void a_deadline_over_a_year_the_data_does_not_confirm_says_so() {
        assertThat(CALENDAR.confirmedYears()).contains(2025, 2026).doesNotContain(2027, 2040);
        assertThat(CALENDAR.workingDaysAfter(LocalDate.of(2026, 11, 23), 15).confirmed()).isTrue();
        WorkingCalendar.Deadline intoProjected = CALENDAR.workingDaysAfter(LocalDate.of(2026, 12, 20), 15);
        assertThat(intoProjected.unconfirmedYears()).containsExactly(2027);
        assertThat(CALENDAR.workingDaysAfter(LocalDate.of(2040, 3, 1), 1).unconfirmedYears()).containsExactly(2040);
    }

    @Test
    void a_broken_calendar_file_is_refused_with_the_line() {
        String csv = "date,name_vi,name_en,kind,source\n2026-13-01,Sai,Wrong,statutory,x\n";
        assertThatThrownBy(() -> WorkingCalendar.from(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "holidays.csv", LocalTime.of(17, 0), VIETNAM)).hasMessageContaining("line 2").hasMessageContaining("2026-13-01");
        String kind = "date,name_vi,name_en,kind,source\n2026-12-01,Nghỉ,Off,holiday,x\n";
        assertThatThrownBy(() -> WorkingCalendar.from(new ByteArrayInputStream(kind.getBytes(StandardCharsets.UTF_8)),
                "holidays.csv", LocalTime.of(17, 0), VIETNAM)).hasMessageContaining("kind");
    }
}
