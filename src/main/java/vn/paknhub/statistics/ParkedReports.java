package vn.paknhub.statistics;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;

/** Daily reports that could not be mailed to their body, mailed again with a fresh budget. */
@Component
class ParkedReports implements ParkedWork {

    private final DailyReports reports;

    ParkedReports(DailyReports reports) {
        this.reports = reports;
    }

    @Override
    public String kind() {
        return "daily-report";
    }

    @Override
    public List<Item> parked(int limit) {
        return reports.parked(limit).stream().map(r -> new Item(kind(), r.id().toString(), null,
                "daily report of " + r.agency() + " for " + r.day(), r.attempts(), r.lastError())).toList();
    }

    @Override
    public boolean replay(String id, String operator) {
        return ParkedWork.uuid(id).map(reports::replay).orElse(false);
    }
}
