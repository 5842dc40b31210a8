package vn.paknhub.core.calendar;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.casefile.CaseSettings;

@Configuration
class CalendarConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(CalendarConfiguration.class);

    /**
     * The working-day calendar, its days off read once at start-up (maintenance windows live). This year's and next year's days off must be
     * confirmed in the file: when they are not, every deadline over them says so, and the operators
     * are told here, loudly, which file to update.
     */
    @Bean
    WorkingCalendar workingCalendar(@Value("${hub.calendar.holidays-file}") Path file,
            @Value("${hub.calendar.receipt-cut-off}") LocalTime cutOff, @Value("${hub.calendar.maintenance-file}") Path windows,
            CaseSettings settings, Clock clock, ObjectProvider<AnnouncedMaintenance> announced) throws IOException {
        // the file stays a seed operators may keep using; windows announced through the API are read at each count
        WorkingCalendar calendar = WorkingCalendar.load(file, cutOff, settings.timeZone()).withMaintenance(windows)
                .withAnnouncedMaintenance(() -> announced.getIfAvailable(() -> List::of).windows());
        LOG.info("Maintenance windows in {} (more are announced through /api/v1/maintenance; Đ16.3: they do not count"
                + " for items received 3 hours before)", windows);
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        List<Integer> missing = calendar.unconfirmed(today, today.plusYears(1));
        if (!missing.isEmpty()) {
            LOG.error("The working-day calendar {} does not confirm the days off of {} (no rows, or rows marked PROJECTED,"
                    + " COMPUTED or UNCERTAIN): deadlines over those years count weekends and the listed days only, and"
                    + " say so. Add the official schedule to the file.", file.toAbsolutePath(), missing);
        }
        LOG.info("Working-day calendar {}: confirmed years {}", file, calendar.confirmedYears());
        return calendar;
    }
}
