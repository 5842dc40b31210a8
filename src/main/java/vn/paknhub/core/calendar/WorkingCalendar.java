package vn.paknhub.core.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import vn.paknhub.core.text.CsvTable;

/**
 * The working days of state bodies (Quyết định 188/1999/QĐ-TTg: Monday to Friday), minus public
 * holidays, compensatory and swapped days off, plus the Saturdays worked in exchange, from data
 * operators update each year ({@code calendar/holidays.csv}). Periods are counted as the Civil Code
 * counts them (Bộ luật Dân sự 2015, Đ147–148): the day of the event is not counted, and a period
 * ending on a day off ends on the next working day (so a count of working days ends on one). An event after the cut-off time or on a day off
 * (a receipt, a result, a request) counts from the next working day.
 *
 * <p>A year the data does not confirm (no rows, or rows whose source is marked PROJECTED, COMPUTED or
 * UNCERTAIN, in capitals) is never guessed silently: every deadline that crosses it says so.
 */
public final class WorkingCalendar {

    static final List<String> HEADER = List.of("date", "name_vi", "name_en", "kind", "source");
    private static final Set<String> UNCONFIRMED_MARKS = Set.of("PROJECTED", "COMPUTED", "UNCERTAIN");

    /** A deadline and the years of its count the calendar data does not confirm (empty when sure). */
    public record Deadline(LocalDate day, List<Integer> unconfirmedYears) {
        public boolean confirmed() {
            return unconfirmedYears.isEmpty();
        }
    }

    /** A maintenance window of the system (Đ16.3), as the operators announced it. */
    public record MaintenanceWindow(Instant start, Instant end) {
    }

    /** A working day counts for an item unless maintenance covered more than half of its office hours. */
    private static final LocalTime OFFICE_OPENS = LocalTime.of(8, 0);
    /** Maintenance pauses only the items received at least this long before it started (Đ16.3). */
    private static final Duration NOTICE = Duration.ofHours(3);

    private final List<MaintenanceWindow> maintenance;
    /** Windows announced while the hub runs (stored in PostgreSQL), read at each count: no restart. */
    private final Supplier<List<MaintenanceWindow>> announced;
    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workedSaturdays;
    private final Set<Integer> confirmedYears;
    private final LocalTime cutOff;
    private final ZoneId zone;

    WorkingCalendar(Set<LocalDate> daysOff, Set<LocalDate> workedSaturdays, Set<Integer> confirmedYears,
            LocalTime cutOff, ZoneId zone) {
        this(daysOff, workedSaturdays, confirmedYears, cutOff, zone, List.of(), List::of);
    }

    private WorkingCalendar(Set<LocalDate> daysOff, Set<LocalDate> workedSaturdays, Set<Integer> confirmedYears,
            LocalTime cutOff, ZoneId zone, List<MaintenanceWindow> maintenance,
            Supplier<List<MaintenanceWindow>> announced) {
        this.maintenance = List.copyOf(maintenance);
        this.announced = announced;
        this.daysOff = Set.copyOf(daysOff);
        this.workedSaturdays = Set.copyOf(workedSaturdays);
        this.confirmedYears = Set.copyOf(confirmedYears);
        this.cutOff = cutOff;
        this.zone = zone;
    }

    /** Reads the operators' file: kinds {@code statutory} and {@code compensatory} are days off, {@code swap_workday} a worked day. */
    public static WorkingCalendar load(Path csv, LocalTime cutOff, ZoneId zone) throws IOException {
        try (InputStream in = Files.newInputStream(csv)) {
            return from(in, csv.toString(), cutOff, zone);
        }
    }

    static WorkingCalendar from(InputStream in, String what, LocalTime cutOff, ZoneId zone) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> worked = new HashSet<>();
        Set<Integer> years = new HashSet<>();
        Set<Integer> doubtful = new HashSet<>();
        for (CsvTable.Row row : CsvTable.read(in, what, HEADER)) {
            LocalDate date;
            try {
                date = LocalDate.parse(row.get(0));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(what + " line " + row.line() + ": not a date: " + row.get(0));
            }
            switch (row.get(3).toLowerCase(Locale.ROOT)) {
                case "statutory", "compensatory" -> off.add(date);
                case "swap_workday" -> worked.add(date);
                default -> throw new IllegalArgumentException(what + " line " + row.line() + ": kind must be statutory,"
                        + " compensatory or swap_workday, not " + row.get(3));
            }
            years.add(date.getYear());
            // marks in capitals, as the file writes them ("PROJECTED/UNCERTAIN – not announced"); a source
            // that merely explains a date ("lunar 10/3 computed") does not make its year doubtful
            String source = row.get(4);
            if (UNCONFIRMED_MARKS.stream().anyMatch(source::contains)) {
                doubtful.add(date.getYear());
            }
        }
        years.removeAll(doubtful);
        return new WorkingCalendar(off, worked, years, cutOff, zone);
    }

    /** This calendar with the maintenance windows of the operators' file ({@code start,end,note}, local times). */
    public WorkingCalendar withMaintenance(Path csv) throws IOException {
        List<MaintenanceWindow> windows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(csv)) {
            for (CsvTable.Row row : CsvTable.readPossiblyEmpty(in, csv.toString(), List.of("start", "end", "note"))) {
                try {
                    Instant start = LocalDateTime.parse(row.get(0)).atZone(zone).toInstant();
                    Instant end = LocalDateTime.parse(row.get(1)).atZone(zone).toInstant();
                    if (!end.isAfter(start)) {
                        throw new IllegalArgumentException(csv + " line " + row.line() + ": the window ends before it starts");
                    }
                    windows.add(new MaintenanceWindow(start, end));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(csv + " line " + row.line() + ": start and end must be local times"
                            + " like 2026-12-05T08:00, not " + row.get(0) + " / " + row.get(1));
                }
            }
        }
        return new WorkingCalendar(daysOff, workedSaturdays, confirmedYears, cutOff, zone, windows, announced);
    }

    /**
     * This calendar with the windows operators announce while the hub runs, asked for at every count
     * that judges maintenance (so an announcement moves the deadlines counted after it at once), on
     * top of those of the file.
     */
    public WorkingCalendar withAnnouncedMaintenance(Supplier<List<MaintenanceWindow>> source) {
        return new WorkingCalendar(daysOff, workedSaturdays, confirmedYears, cutOff, zone, maintenance, source);
    }

    /** The local time of the regulation's days. */
    public ZoneId zone() {
        return zone;
    }

    /** The windows of the operators' file only (a seed the hub publishes at start-up). */
    public List<MaintenanceWindow> seededMaintenance() {
        return maintenance;
    }

    /** The windows of the file and those announced since, as given (possibly overlapping). */
    public List<MaintenanceWindow> maintenance() {
        List<MaintenanceWindow> all = new ArrayList<>(maintenance);
        all.addAll(announced.get());
        return all;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workedSaturdays.contains(day)) {
            return true;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !daysOff.contains(day);
    }

    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day.plusDays(1);
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * Day zero of a clock started by an event at {@code at} (a receipt, a result, a request): that day
     * when it is a working day and the event came before the cut-off, else the next working day.
     */
    public LocalDate dayZero(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalDate day = local.toLocalDate();
        return isWorkingDay(day) && local.toLocalTime().isBefore(cutOff) ? day : nextWorkingDay(day);
    }

    /** The last day of a period of {@code days} working days that starts after {@code eventDay}. */
    public Deadline workingDaysAfter(LocalDate eventDay, int days) {
        return workingDaysAfter(eventDay, days, null);
    }

    /**
     * The same for an item whose period was started by an event at {@code trigger}: a working day
     * whose office hours maintenance covered by more than half, in a window that started at least 3
     * hours after the trigger, does not count (Đ16.3), and the period runs one working day longer.
     */
    public Deadline workingDaysAfter(LocalDate eventDay, int days, Instant trigger) {
        // read once per count: the windows that pause this item, merged so that overlapping or repeated
        // announcements (the file's and the API's, or two covering the same night) are not counted twice
        List<MaintenanceWindow> pausing = trigger == null ? List.of() : merged(trigger);
        LocalDate d = eventDay;
        for (int i = 0; i < days; i++) {
            do {
                d = nextWorkingDay(d);
            } while (!pausing.isEmpty() && lostToMaintenance(d, pausing));
        }
        return new Deadline(d, unconfirmed(eventDay, d));
    }

    /** The windows that started at least 3 hours after {@code trigger}, merged where they overlap or touch, in order. */
    List<MaintenanceWindow> merged(Instant trigger) {
        List<MaintenanceWindow> windows = new ArrayList<>(maintenance().stream()
                .filter(w -> !w.start().isBefore(trigger.plus(NOTICE))).toList());
        windows.sort((a, b) -> a.start().compareTo(b.start()));
        List<MaintenanceWindow> merged = new ArrayList<>();
        for (MaintenanceWindow w : windows) {
            MaintenanceWindow last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !w.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new MaintenanceWindow(last.start(),
                        w.end().isAfter(last.end()) ? w.end() : last.end()));
            } else {
                merged.add(w);
            }
        }
        return merged;
    }

    private boolean lostToMaintenance(LocalDate day, List<MaintenanceWindow> merged) {
        Instant opens = day.atTime(OFFICE_OPENS).atZone(zone).toInstant();
        Instant closes = day.atTime(cutOff).atZone(zone).toInstant();
        long covered = 0;
        for (MaintenanceWindow w : merged) {
            Instant from = w.start().isAfter(opens) ? w.start() : opens;
            Instant to = w.end().isBefore(closes) ? w.end() : closes;
            if (to.isAfter(from)) {
                covered += Duration.between(from, to).toSeconds();
            }
        }
        return covered * 2 > Duration.between(opens, closes).toSeconds();
    }

    /** The years from {@code from} to {@code to} the data does not confirm. */
    public List<Integer> unconfirmed(LocalDate from, LocalDate to) {
        List<Integer> years = new ArrayList<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!confirmedYears.contains(y)) {
                years.add(y);
            }
        }
        return years;
    }

    /** The confirmed years, for the start-up report. */
    public Set<Integer> confirmedYears() {
        return new TreeSet<>(confirmedYears);
    }
}
