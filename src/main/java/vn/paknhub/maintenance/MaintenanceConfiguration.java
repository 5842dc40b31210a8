package vn.paknhub.maintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.paknhub.core.calendar.WorkingCalendar;

@Configuration
class MaintenanceConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceConfiguration.class);

    /** The windows of the operators' file are published like those announced through the API (once). */
    @Bean
    ApplicationRunner maintenanceFileSeed(MaintenanceAnnouncements announcements, WorkingCalendar calendar) {
        return args -> {
            int added = announcements.seedFromFile(calendar.seededMaintenance());
            if (added > 0) {
                LOG.info("Maintenance windows of the seed file published: {}", added);
            }
        };
    }
}
