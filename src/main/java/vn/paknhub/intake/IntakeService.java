package vn.paknhub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.CaseState;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.IncomingAttachment;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.GroupCommit;
import vn.paknhub.core.TraceContext;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;

/**
 * Web submissions: normalise → validate (Đ8) → screen (Đ1.2) → store. The receipt is returned only
 * after the case, its first event and its outbox row are committed (durable before acknowledged).
 * Submissions arriving together are stored together ({@link GroupCommit}): under load one
 * transaction serves many of them, which is most of what a submission costs the hub and PostgreSQL.
 */
@Service
public class IntakeService implements DisposableBean {

    /** Bounds a shared transaction (and the wait of the submissions at its end); HTTP threads bound it first. */
    private static final int MAX_PER_TRANSACTION = 64;

    private final SubmissionValidator validator;
    private final CaseService cases;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final CaseSettings settings;
    private final Clock clock;
    private final GroupCommit<Accepted, SubmissionReceipt> writer;
    private final TraceContext trace;

    public IntakeService(SubmissionValidator validator, CaseService cases, IdempotencyStore idempotency,
            TransactionTemplate tx, ObjectMapper json, CaseSettings settings, Clock clock,
            @Value("${hub.intake.writers}") int writers, MeterRegistry meters, TraceContext trace) {
        this.validator = validator;
        this.trace = trace;
        this.cases = cases;
        this.idempotency = idempotency;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.writer = new GroupCommit<>("intake-writer", writers, MAX_PER_TRANSACTION, tx, this::store);
        Gauge.builder("hub.intake.waiting", writer, GroupCommit::waiting)
                .description("Web submissions validated and waiting for a writer to store them").register(meters);
    }

    @Override
    public void destroy() throws InterruptedException {
        writer.close();
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
        return writer.write(new Accepted(idempotencyKey, requestHash,
                toNewCase(request, attachments, channel, receivedAt), trace.current()));
    }

    /** A valid submission waiting to be stored, with the trace of its request (null when tracing is off). */
    record Accepted(String idempotencyKey, byte[] requestHash, NewCase details, String traceparent) {
    }

    /**
     * Stores submissions in the caller's transaction: each gets a tracking code; one whose
     * Idempotency-Key was used before gets the earlier answer instead of a case. Keys are claimed in
     * sorted order, so two transactions claiming the same keys wait for each other instead of deadlocking.
     */
    List<SubmissionReceipt> store(List<Accepted> batch) {
        SubmissionReceipt[] receipts = new SubmissionReceipt[batch.size()];
        CaseService.Opening[] openings = new CaseService.Opening[batch.size()];
        for (int i = 0; i < receipts.length; i++) {
            CaseService.CaseIdentity identity = cases.newIdentity();
            openings[i] = new CaseService.Opening(identity, batch.get(i).details(), batch.get(i).traceparent());
            receipts[i] = new SubmissionReceipt(identity.code(), identity.lookupSecret(), CaseState.SUBMITTED,
                    batch.get(i).details().receivedAt().atZone(settings.timeZone()).toOffsetDateTime(),
                    "/api/v1/submissions/" + identity.code());
        }
        List<Integer> keyed = IntStream.range(0, receipts.length)
                .filter(i -> batch.get(i).idempotencyKey() != null).boxed()
                .sorted(Comparator.comparing((Integer i) -> batch.get(i).details().channel().name())
                        .thenComparing(i -> batch.get(i).idempotencyKey()))
                .toList();
        for (int i : keyed) {
            Accepted a = batch.get(i);
            Optional<SubmissionReceipt> earlier = idempotency.claim(a.details().channel().name(), a.idempotencyKey(),
                    a.requestHash(), receipts[i]);
            if (earlier.isPresent()) {
                receipts[i] = earlier.get();
                openings[i] = null;
            }
        }
        cases.openAll(Arrays.stream(openings).filter(Objects::nonNull).toList());
        return List.of(receipts);
    }

    private static NewCase toNewCase(SubmissionRequest r, List<IncomingAttachment> attachments, Channel channel,
            Instant receivedAt) {
        Submitter s = r.submitter();
        return new NewCase(channel, r.title(), r.content(), r.field(), r.addressee(), r.consentToPublish(),
                new SubmitterDetails(s.fullName(), s.organisation(), s.address(), s.phone(), s.email(), s.idNumber()),
                attachments, receivedAt, ItemFactsReader.facts(r));
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
