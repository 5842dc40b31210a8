package vn.paknhub.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.paknhub.agency.AgencyAccess;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.identity.CentralOfficeOnly;

/**
 * Maintenance and incident notices (Đ16): operators (a Central Party Office token) announce them,
 * anyone reads the current and coming ones as JSON.
 */
@RestController
class MaintenanceController {

    /** How long a notice stays in the public list after it ended. */
    static final Duration SHOWN_AFTER_END = Duration.ofDays(7);

    private final MaintenanceAnnouncements announcements;
    private final MaintenanceNotices notices;
    private final AgencyAccess access;

    MaintenanceController(MaintenanceAnnouncements announcements, MaintenanceNotices notices, AgencyAccess access) {
        this.announcements = announcements;
        this.notices = notices;
        this.access = access;
    }

    /** {@code kind} MAINTENANCE (default) or INCIDENT; {@code notice} PLANNED (default), URGENT or SECURITY. */
    record AnnounceRequest(String kind, String notice, String startsAt, String endsAt, String titleVi, String messageVi,
            String messageEn) {
    }

    /** A notice as published: times in Vietnam's offset, {@code textVi} the whole notice in words. */
    record NoticeView(UUID id, String kind, String notice, OffsetDateTime startsAt, OffsetDateTime endsAt, String titleVi,
            String messageVi, String messageEn, OffsetDateTime announcedAt, String textVi) {
    }

    @CentralOfficeOnly
    @PostMapping("/api/v1/maintenance")
    ResponseEntity<NoticeView> announce(@RequestBody AnnounceRequest request) {
        MaintenanceNotices.Announced stored = announcements.announce(checked(request), access.actorLabel());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(stored));
    }

    /** The request checked field by field (the API's and the console page's). */
    static MaintenanceAnnouncements.Announcement checked(AnnounceRequest request) {
        List<FieldError> errors = new ArrayList<>();
        MaintenanceNotices.Kind kind = MaintenanceNotices.Kind.valueOf(ApiProblem.oneOf("kind",
                request.kind() == null ? "MAINTENANCE" : request.kind(), List.of("MAINTENANCE", "INCIDENT")));
        MaintenanceNotices.Notice notice = kind == MaintenanceNotices.Kind.INCIDENT ? MaintenanceNotices.Notice.INCIDENT
                : MaintenanceNotices.Notice.valueOf(ApiProblem.oneOf("notice",
                        request.notice() == null ? "PLANNED" : request.notice(), List.of("PLANNED", "URGENT", "SECURITY")));
        Instant starts = instant("startsAt", request.startsAt(), true, errors);
        Instant ends = instant("endsAt", request.endsAt(), kind == MaintenanceNotices.Kind.MAINTENANCE, errors);
        if (starts != null && ends != null && !ends.isAfter(starts)) {
            errors.add(new FieldError("endsAt", "after-start", "«endsAt» phải sau «startsAt».",
                    "'endsAt' must come after 'startsAt'."));
        }
        String title = request.titleVi() == null ? "" : VietnameseText.singleLine(request.titleVi()).strip();
        if (title.isEmpty() || title.length() > 200) {
            errors.add(new FieldError("titleVi", "length", "Cần tiêu đề thông báo bằng tiếng Việt (1–200 ký tự).",
                    "A Vietnamese title of 1–200 characters is required."));
        }
        String message = request.messageVi() == null ? "" : VietnameseText.normalize(request.messageVi()).strip();
        if (message.isEmpty() || message.length() > 4000) {
            errors.add(new FieldError("messageVi", "length", "Cần nội dung thông báo bằng tiếng Việt (1–4000 ký tự).",
                    "A Vietnamese message of 1–4000 characters is required."));
        }
        String english = request.messageEn() == null || request.messageEn().isBlank() ? null
                : VietnameseText.normalize(request.messageEn()).strip();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return new MaintenanceAnnouncements.Announcement(kind, notice, starts, ends, title, message, english);
    }

    @CentralOfficeOnly
    @GetMapping("/api/v1/maintenance")
    List<NoticeView> all() {
        return notices.notOverBefore(Instant.EPOCH).stream().map(this::view).toList();
    }

    /** The current and coming notices, and those ended in the last 7 days: public, cached for a minute. */
    @GetMapping("/api/public/v1/maintenance")
    ResponseEntity<List<NoticeView>> published() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(current());
    }

    List<NoticeView> current() {
        return notices.notOverBefore(announcements.now().minus(SHOWN_AFTER_END)).stream().map(this::view).toList();
    }

    NoticeView view(MaintenanceNotices.Announced n) {
        return new NoticeView(n.id(), n.kind().name(), n.notice().name(), announcements.local(n.startsAt()),
                announcements.local(n.endsAt()), n.titleVi(), n.messageVi(), n.messageEn(),
                announcements.local(n.announcedAt()), announcements.describe(n));
    }

    private static Instant instant(String field, String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "required", "Cần «" + field + "», thời điểm RFC 3339, ví dụ"
                        + " 2027-06-30T22:00:00+07:00.", "'" + field + "' is required, an RFC 3339 date-time."));
            }
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "date-time", "«" + field + "» phải là thời điểm RFC 3339, ví dụ"
                    + " 2027-06-30T22:00:00+07:00.", "'" + field + "' must be an RFC 3339 date-time."));
            return null;
        }
    }
}
