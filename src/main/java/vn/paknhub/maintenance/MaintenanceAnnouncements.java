package vn.paknhub.maintenance;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.notify.Notifications;
import vn.paknhub.sla.CaseClocks;

/**
 * Announces maintenance windows and incidents (Đ16): refuses a window announced with less notice
 * than Đ16.2 asks for its kind, stores it (published at once), plans a mail to every body with a
 * mailbox, and counts the running deadlines again in the same transaction (Đ16.3).
 *
 * <p>Bodies' connected systems are not told: the connector contract (status-update v1) carries
 * case updates only and has no message for a notice of the system; bodies read the public JSON.
 */
@Service
public class MaintenanceAnnouncements {

    static final String TEMPLATE = "maintenance-notice";
    /** Đ16.2: planned maintenance is announced at least 3 working days ahead, urgent work 24 hours. */
    static final int PLANNED_NOTICE_WORKING_DAYS = 3;
    static final Duration URGENT_NOTICE = Duration.ofHours(24);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceAnnouncements.class);

    private final MaintenanceNotices notices;
    private final WorkingCalendar calendar;
    private final CaseClocks clocks;
    private final AgencyDirectory agencies;
    private final Notifications notifications;
    private final Clock clock;
    private final java.time.LocalTime cutOff;

    MaintenanceAnnouncements(MaintenanceNotices notices, WorkingCalendar calendar, CaseClocks clocks,
            AgencyDirectory agencies, Notifications notifications, Clock clock,
            @Value("${hub.calendar.receipt-cut-off}") java.time.LocalTime cutOff) {
        this.notices = notices;
        this.calendar = calendar;
        this.clocks = clocks;
        this.agencies = agencies;
        this.notifications = notifications;
        this.clock = clock;
        this.cutOff = cutOff;
    }

    /** What an operator announces; {@code endsAt} may be null for an incident still going on. */
    public record Announcement(MaintenanceNotices.Kind kind, MaintenanceNotices.Notice notice, Instant startsAt,
            Instant endsAt, String titleVi, String messageVi, String messageEn) {
    }

    /**
     * The earliest start a window of this notice may have when announced at {@code now}: the close of
     * office hours on the third working day after the announcement's day (Đ16.2, counted as the
     * Civil Code counts periods), 24 hours for urgent work, none for a cyber-security emergency.
     */
    public Instant earliestStart(MaintenanceNotices.Notice notice, Instant now) {
        return switch (notice) {
            case PLANNED -> calendar.workingDaysAfter(calendar.dayZero(now), PLANNED_NOTICE_WORKING_DAYS).day()
                    .atTime(cutOff).atZone(calendar.zone()).toInstant();
            case URGENT -> now.plus(URGENT_NOTICE);
            case SECURITY, INCIDENT -> Instant.MIN;
        };
    }

    @Transactional
    public MaintenanceNotices.Announced announce(Announcement a, String by) {
        Instant now = clock.instant();
        if (a.kind() == MaintenanceNotices.Kind.MAINTENANCE) {
            Instant earliest = earliestStart(a.notice(), now);
            if (a.startsAt().isBefore(earliest)) {
                String shown = SHOWN.format(earliest.atZone(calendar.zone()));
                throw ApiProblem.invalid("startsAt", "D16.2-notice", a.notice() == MaintenanceNotices.Notice.PLANNED
                        ? "Bảo trì, nâng cấp định kỳ phải được thông báo trước ít nhất 3 ngày làm việc (Đ16.2): thông báo"
                                + " lúc này thì sớm nhất bắt đầu từ " + shown + ". Nếu là bảo trì đột xuất, ghi «notice»: «URGENT»."
                        : "Bảo trì, nâng cấp đột xuất phải được thông báo trước không ít hơn 24 giờ (Đ16.2): sớm nhất bắt"
                                + " đầu từ " + shown + ", trừ trường hợp khẩn cấp về an ninh mạng («notice»: «SECURITY»).",
                        a.notice() == MaintenanceNotices.Notice.PLANNED
                                ? "Planned maintenance must be announced at least 3 working days ahead (Đ16.2): announced now,"
                                        + " it may start at " + earliest + " at the earliest. Mark urgent work 'URGENT'."
                                : "Urgent maintenance must be announced at least 24 hours ahead (Đ16.2): it may start at "
                                        + earliest + " at the earliest, unless it is a cyber-security emergency ('SECURITY').");
            }
        }
        MaintenanceNotices.Announced stored = new MaintenanceNotices.Announced(UUID.randomUUID(), a.kind(), a.notice(),
                a.startsAt(), a.endsAt(), a.titleVi(), a.messageVi(), a.messageEn(), now, "API");
        notices.insert(stored, by);
        tellBodies(stored);
        int moved = a.kind() == MaintenanceNotices.Kind.MAINTENANCE ? clocks.recount() : 0;
        LOG.info("{} {} announced by {} ({} to {}): {} running deadlines moved", a.kind(), stored.id(), by,
                a.startsAt(), a.endsAt(), moved);
        return stored;
    }

    /** One mail per body with a mailbox (agency-mailboxes.csv), planned once per notice and body. */
    private void tellBodies(MaintenanceNotices.Announced n) {
        String text = describe(n);
        for (String agency : agencies.withMailbox()) {
            String name = agencies.find(agency).map(AgencyDirectory.Agency::nameVi).orElse(agency);
            UUID once = UUID.nameUUIDFromBytes((n.id() + "/" + agency).getBytes(StandardCharsets.UTF_8));
            agencies.mailbox(agency).ifPresent(box -> notifications.planMessage(once, null, TEMPLATE, box,
                    Map.of("name", name, "title", n.titleVi(), "reason", text), null));
        }
    }

    /** The notice in words, as the mail and the public page give it. */
    public String describe(MaintenanceNotices.Announced n) {
        StringBuilder s = new StringBuilder();
        s.append(n.kind() == MaintenanceNotices.Kind.MAINTENANCE ? "Thời gian bảo trì, nâng cấp: từ " : "Sự cố từ ")
                .append(SHOWN.format(n.startsAt().atZone(calendar.zone())));
        if (n.endsAt() != null) {
            s.append(" đến ").append(SHOWN.format(n.endsAt().atZone(calendar.zone())));
        } else {
            s.append(" (đang khắc phục)");
        }
        s.append(".\n").append(switch (n.notice()) {
            case PLANNED -> "Bảo trì, nâng cấp định kỳ.";
            case URGENT -> "Bảo trì, nâng cấp đột xuất.";
            case SECURITY -> "Xử lý khẩn cấp về an ninh mạng.";
            case INCIDENT -> "Thông báo sự cố kỹ thuật (Đ16.4).";
        });
        if (n.kind() == MaintenanceNotices.Kind.MAINTENANCE) {
            s.append("\nThời gian bảo trì không tính vào thời hạn xử lý, trả lời các PAKN, SKGP đã được tiếp nhận trước"
                    + " thời điểm bảo trì 3 giờ (Đ16.3); hạn xử lý trên Hệ thống đã được tính lại.");
        }
        s.append("\n\n").append(n.messageVi());
        return s.toString();
    }

    /** The windows of the operators' seed file, copied at start-up so they are published too. */
    public int seedFromFile(List<WorkingCalendar.MaintenanceWindow> windows) {
        int added = 0;
        for (WorkingCalendar.MaintenanceWindow w : windows) {
            added += notices.seed(new MaintenanceNotices.Announced(UUID.randomUUID(), MaintenanceNotices.Kind.MAINTENANCE,
                    MaintenanceNotices.Notice.PLANNED, w.start(), w.end(), "Bảo trì Hệ thống",
                    "Hệ thống tạm dừng để bảo trì, nâng cấp theo kế hoạch.", "The system is down for planned maintenance.",
                    clock.instant(), "FILE"));
        }
        return added;
    }

    Instant now() {
        return clock.instant();
    }

    java.time.OffsetDateTime local(Instant at) {
        return at == null ? null : at.atZone(calendar.zone()).toOffsetDateTime();
    }
}
