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

    /** Announced windows (Đ16.2) for the maintenance table below. */
    private static WorkingCalendar withMaintenance() throws java.io.IOException {
        Path windows = java.nio.file.Files.createTempFile("maintenance", ".csv");
        java.nio.file.Files.writeString(windows, """
                start,end,note
                2026-12-02T08:00,2026-12-02T14:00,six of nine office hours on Wednesday
                2026-12-16T08:00,2026-12-16T12:00,four hours: less than half a day
                2026-12-19T00:00,2026-12-19T23:59,a Saturday
                2026-12-23T13:00,2026-12-24T17:00,Wednesday afternoon and all of Thursday
                """);
        try {
            return CALENDAR.withMaintenance(windows);
        } finally {
            java.nio.file.Files.delete(windows);
        }
    }

    @ParameterizedTest(name = "received {0}, {1} working days → {2} (without maintenance {3})")
    @CsvSource({
            // received 3 hours and more before Wednesday's window: that day does not count
            "2026-11-30T09:00, 5, 2026-12-08, 2026-12-07",
            // received at 06:00 on the day, two hours before: maintenance changes nothing for it
            "2026-12-02T06:00, 5, 2026-12-09, 2026-12-09",
            // received the day before: the lost Wednesday was to be its first counted day
            "2026-12-01T09:00, 5, 2026-12-09, 2026-12-08",
            // received at 05:00 on the day itself: that day is day zero, not counted, so nothing moves
            "2026-12-02T05:00, 5, 2026-12-09, 2026-12-09",
            // four hours of a nine-hour office day is not more than half
            "2026-12-14T09:00, 3, 2026-12-17, 2026-12-17",
            // a window on a Saturday changes nothing
            "2026-12-17T09:00, 2, 2026-12-21, 2026-12-21",
            // Wednesday afternoon is less than half a day; all of Thursday is lost
            "2026-12-21T09:00, 3, 2026-12-25, 2026-12-24",
    })
    void maintenance_does_not_count_for_items_received_three_hours_before_it(String received, int days,
            LocalDate expected, LocalDate withoutMaintenance) throws Exception {
        java.time.Instant trigger = LocalDateTime.parse(received).atZone(VIETNAM).toInstant();
        LocalDate dayZero = CALENDAR.dayZero(trigger);
        assertThat(CALENDAR.workingDaysAfter(dayZero, days, trigger).day()).isEqualTo(withoutMaintenance);
        assertThat(withMaintenance().workingDaysAfter(dayZero, days, trigger).day()).isEqualTo(expected);
    }

    private static WorkingCalendar.MaintenanceWindow window(String start, String end) {
        return new WorkingCalendar.MaintenanceWindow(LocalDateTime.parse(start).atZone(VIETNAM).toInstant(),
                LocalDateTime.parse(end).atZone(VIETNAM).toInstant());
    }

    /**
     * Two windows of three hours over the same morning, announced twice (the file's and the API's),
     * cover three hours, not six: the day still counts. Two that together cover more than half of
     * the office hours without overlapping make the day lost.
     */
    @Test
    void overlapping_or_repeated_windows_are_merged_before_a_day_is_judged_lost() {
        java.time.Instant monday = LocalDateTime.parse("2026-11-30T09:00").atZone(VIETNAM).toInstant();
        LocalDate dayZero = CALENDAR.dayZero(monday);
        WorkingCalendar twice = CALENDAR.withAnnouncedMaintenance(() -> java.util.List.of(
                window("2026-12-02T08:00", "2026-12-02T11:00"), window("2026-12-02T08:00", "2026-12-02T11:00"),
                window("2026-12-02T09:00", "2026-12-02T12:00")));
        // 08:00–12:00 merged: four of nine hours, not ten
        assertThat(twice.workingDaysAfter(dayZero, 5, monday).day()).isEqualTo(LocalDate.of(2026, 12, 7));
        WorkingCalendar halves = CALENDAR.withAnnouncedMaintenance(() -> java.util.List.of(
                window("2026-12-02T08:00", "2026-12-02T11:00"), window("2026-12-02T13:00", "2026-12-02T15:00")));
        // five of nine hours: the Wednesday is lost
        assertThat(halves.workingDaysAfter(dayZero, 5, monday).day()).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    /** Windows announced while the hub runs are read at each count, not once at start-up. */
    @Test
    void announced_windows_are_read_at_each_count() {
        java.util.List<WorkingCalendar.MaintenanceWindow> store = new java.util.concurrent.CopyOnWriteArrayList<>();
        WorkingCalendar live = CALENDAR.withAnnouncedMaintenance(() -> store);
        java.time.Instant monday = LocalDateTime.parse("2026-11-30T09:00").atZone(VIETNAM).toInstant();
        LocalDate dayZero = CALENDAR.dayZero(monday);
        assertThat(live.workingDaysAfter(dayZero, 5, monday).day()).isEqualTo(LocalDate.of(2026, 12, 7));
        store.add(window("2026-12-03T07:00", "2026-12-03T18:00"));
        assertThat(live.workingDaysAfter(dayZero, 5, monday).day()).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(live.maintenance()).hasSize(1);
    }

    @Test
    void a_window_that_ends_before_it_starts_or_is_not_a_time_is_refused_naming_the_line() throws Exception {
        Path windows = java.nio.file.Files.createTempFile("maintenance", ".csv");
        try {
            java.nio.file.Files.writeString(windows, "start,end,note\n2026-12-02T14:00,2026-12-02T08:00,backwards\n");
            assertThatThrownBy(() -> CALENDAR.withMaintenance(windows)).hasMessageContaining("line 2")
                    .hasMessageContaining("ends before it starts");
            java.nio.file.Files.writeString(windows, "start,end,note\n2/12/2026 8:00,2026-12-02T12:00,bad\n");
            assertThatThrownBy(() -> CALENDAR.withMaintenance(windows)).hasMessageContaining("local times like");
        } finally {
            java.nio.file.Files.delete(windows);
        }
    }

    @Test
    void the_shipped_maintenance_file_announces_no_window() throws Exception {
        assertThat(CALENDAR.withMaintenance(Path.of("calendar/maintenance.csv")).maintenance()).isEmpty();
    }
}
