package vn.paknhub.abuse;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.intake.Submitter;

/**
 * What a submitter may still send (Đ18–19): refused while an operator's lock or revocation is in force on
 * their e-mail address or phone number, and beyond a number of items a day; a warning lets the item in.
 */
@Component
public class SubmitterGuard {

    private final AbuseMeasures measures;
    private final RateLimits limits;
    private final PersonalDataProtector protector;
    private final CaseService cases;

    SubmitterGuard(AbuseMeasures measures, RateLimits limits, PersonalDataProtector protector, CaseService cases) {
        this.measures = measures;
        this.limits = limits;
        this.protector = protector;
        this.cases = cases;
    }

    /** An item taken from a warned submitter carries the warning in its history, for the clerk who reads it. */
    public void noteWarning(String code, AbuseMeasures.Measure warning) {
        cases.find(code).ifPresent(c -> cases.record(c, "SUBMITTER_WARNED", new Actor(ActorRole.SYSTEM, "abuse-protection"),
                warning.reason(), java.util.Map.of("measure", warning.id().toString())));
    }

    /** Checks a submitter before their item is taken; the warning in force, if any. */
    public Optional<AbuseMeasures.Measure> admit(Submitter raw) {
        if (raw == null || !limits.enabled() && !measures.anyOnSubmitters()) {
            return Optional.empty();
        }
        Submitter s = raw.normalized();
        Optional<AbuseMeasures.Measure> measure = measures.onSubmitter(s.email(), s.phone());
        if (measure.isPresent() && measure.get().refuses()) {
            throw refused(measure.get());
        }
        String identity = s.email() != null ? s.email().toLowerCase(Locale.ROOT) : s.phone();
        if (identity != null) {
            Optional<Duration> wait = limits.take(RateLimits.Kind.SUBMITTER, java.util.HexFormat.of()
                    .formatHex(protector.lookupHash(identity)));
            if (wait.isPresent()) {
                throw ApiProblem.tooMany("submitter", "D18-submitter-daily-limit",
                        "Người gửi này đã gửi quá số lượng cho phép trong một ngày; vui lòng gửi lại sau.",
                        "This submitter has sent more items than allowed in a day; please send again later.",
                        wait.get().toSeconds());
            }
        }
        return measure;
    }

    static ApiProblem refused(AbuseMeasures.Measure m) {
        boolean revoked = m.action().equals("REVOKE");
        return ApiProblem.forbidden(m.targetKind().equals("ADDRESS") ? "address" : "submitter",
                revoked ? "D19-revoked" : "D19-locked",
                (revoked ? "Quyền gửi đã bị thu hồi" : "Quyền gửi đang bị tạm khoá"
                        + (m.until() == null ? "" : " đến " + m.until())) + " do vi phạm quy chế: " + m.reason(),
                (revoked ? "Sending has been revoked" : "Sending is locked"
                        + (m.until() == null ? "" : " until " + m.until())) + " for a breach of the rules: " + m.reason());
    }
}
