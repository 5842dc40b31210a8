package vn.paknhub.abuse;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.core.problem.ApiProblem;

/**
 * A submitter's way into their case, by tracking code and lookup secret, guarded against guessing: after
 * too many wrong secrets for one code within the lock period, the code is locked for that period (429
 * with Retry-After, even with the right secret), and the lock is written in the case's history.
 */
@Component
public class LookupGuard {

    private static final Logger LOG = LoggerFactory.getLogger(LookupGuard.class);

    private final CaseService cases;
    private final RateLimits limits;
    private final LimitSettings settings;

    LookupGuard(CaseService cases, RateLimits limits, LimitSettings settings) {
        this.cases = cases;
        this.limits = limits;
        this.settings = settings;
    }

    public CaseFile find(String code, String secret) {
        Optional<Duration> locked = limits.emptyFor(RateLimits.Kind.WRONG_SECRET, code);
        if (locked.isPresent()) {
            throw lockedProblem(locked.get());
        }
        try {
            return cases.findForSubmitter(code, secret);
        } catch (ApiProblem notFound) {
            if (notFound.status() == HttpStatus.NOT_FOUND && limits.takeAndCount(RateLimits.Kind.WRONG_SECRET, code) == 0) {
                // the last wrong secret allowed: the code is locked from now on, and the case says so
                cases.find(code).ifPresent(this::recordLock);
            }
            throw notFound;
        }
    }

    private void recordLock(CaseFile c) {
        LOG.warn("Tracking code {} locked for {} after {} wrong lookup secrets", c.code(), settings.lockPeriod(),
                settings.wrongSecrets());
        cases.record(c, "LOOKUP_LOCKED", new Actor(ActorRole.SYSTEM, "abuse-protection"),
                settings.wrongSecrets() + " mã tra cứu sai trong " + settings.lockPeriod().toMinutes() + " phút",
                Map.of("wrongSecrets", settings.wrongSecrets(), "lockMinutes", settings.lockPeriod().toMinutes()));
    }

    private ApiProblem lockedProblem(Duration wait) {
        return ApiProblem.tooMany("X-Lookup-Secret", "D19-lookup-locked",
                "Mã hồ sơ này tạm khoá tra cứu do nhập sai mã tra cứu nhiều lần; vui lòng thử lại sau.",
                "This tracking code is locked after too many wrong lookup secrets; please try again later.",
                wait.toSeconds());
    }
}
