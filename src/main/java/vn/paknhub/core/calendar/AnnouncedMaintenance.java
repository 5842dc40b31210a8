package vn.paknhub.core.calendar;

import java.util.List;

/**
 * Where the maintenance windows operators announce while the hub runs are kept (PostgreSQL), so
 * every node's calendar reads the same windows at each count, without a restart.
 */
public interface AnnouncedMaintenance {

    /** The maintenance windows announced and not withdrawn (incidents are not among them). */
    List<WorkingCalendar.MaintenanceWindow> windows();
}
