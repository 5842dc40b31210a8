package vn.paknhub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;

/**
 * Normalise → validate (Đ8) → screen (Đ1.2) → store, for every channel. The receipt is returned only
 * after the case, its first event and its outbox row are committed (durable before acknowledged).
 */
@Service
public class IntakeService {

    private final SubmissionValidator validator;
    private final CaseService cases;
    private final IdempotencyStore idempotency;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final CaseSettings settings;
    private final Clock clock;

    public IntakeService(SubmissionValidator validator, CaseService cases, IdempotencyStore idempotency,
            TransactionTemplate tx, ObjectMapper json, CaseSettings settings, Clock clock) {
        this.validator = validator;
        this.cases = cases;
        this.idempotency = idempotency;
        this.tx = tx;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
    }

    public SubmissionReceipt submit(SubmissionRequest raw, List<IncomingAttachment> attachments, Channel channel,
            String idempotencyKey) {
        SubmissionRequest request = raw.normalized();
        List<FieldError> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ApiProblem.invalid(violations);
        }
        byte[] requestHash = idempotencyKey == null ? null : hash(request, attachments);
        Instant receivedAt = clock.instant();
        return tx.execute(status -> {
            CaseService.CaseIdentity identity = cases.newIdentity();
            SubmissionReceipt receipt = new SubmissionReceipt(identity.code(), identity.lookupSecret(),
                    CaseState.SUBMITTED, receivedAt.atZone(settings.timeZone()).toOffsetDateTime(),
                    "/api/v1/submissions/" + identity.code());
            if (idempotencyKey != null) {
                Optional<SubmissionReceipt> earlier = idempotency.claim(channel.name(), idempotencyKey, requestHash,
                        receipt);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            cases.open(identity, toNewCase(request, attachments, channel, receivedAt));
            return receipt;
        });
    }

    private static NewCase toNewCase(SubmissionRequest r, List<IncomingAttachment> attachments, Channel channel,
            Instant receivedAt) {
        Submitter s = r.submitter();
        return new NewCase(channel, r.title(), r.content(), r.field(), r.addressee(), r.consentToPublish(),
                new SubmitterDetails(s.fullName(), s.organisation(), s.address(), s.phone(), s.email(), s.idNumber()),
                attachments, receivedAt);
    }

    private byte[] hash(SubmissionRequest request, List<IncomingAttachment> attachments) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(json.writeValueAsBytes(request));
            for (IncomingAttachment a : attachments) {
                d.update(a.fileName().getBytes(StandardCharsets.UTF_8));
                d.update(MessageDigest.getInstance("SHA-256").digest(a.content()));
            }
            return d.digest();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
