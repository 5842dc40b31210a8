package vn.paknhub.casefile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.paknhub.bus.CaseEventMessage;
import vn.paknhub.bus.Outbox;
import vn.paknhub.core.TraceContext;
import vn.paknhub.core.calendar.WorkingCalendar;
import vn.paknhub.core.crypto.PersonalDataProtector;
import vn.paknhub.core.crypto.Randomness;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;

/**
 * The only way a case is opened or changed. Each change is checked by the {@link CaseStateMachine}
 * and writes, in the caller's transaction, the new case row, one history event and one outbox row:
 * nothing is acknowledged that is not durable, and nothing durable is missing from the bus.
 */
@Service
public class CaseService {

    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    /** Đ14.1: an appeal within 15 working days of the result. */
    private static final int APPEAL_WORKING_DAYS = 15;

    private final CaseRepository cases;
    private final CaseHistory history;
    private final PersonalDataReads personalDataReads;
    private final AttachmentStore attachments;
    private final Outbox outbox;
    private final CaseStateMachine machine = new CaseStateMachine();
    private final PersonalDataProtector protector;
    private final CaseSettings settings;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final TraceContext trace;

    public CaseService(CaseRepository cases, CaseHistory history, PersonalDataReads personalDataReads,
            AttachmentStore attachments, Outbox outbox, PersonalDataProtector protector, CaseSettings settings,
            WorkingCalendar calendar, Clock clock, TraceContext trace) {
        this.cases = cases;
        this.history = history;
        this.personalDataReads = personalDataReads;
        this.attachments = attachments;
        this.outbox = outbox;
        this.protector = protector;
        this.settings = settings;
        this.calendar = calendar;
        this.clock = clock;
        this.trace = trace;
    }

    /** A tracking code and the secret that lets the submitter follow the item; reserved before the case exists. */
    public record CaseIdentity(String code, String lookupSecret) {
    }

    public CaseIdentity newIdentity() {
        String day = LocalDate.now(clock.withZone(settings.timeZone())).format(CODE_DATE);
        String code = "%s-%s-%06d".formatted(settings.codePrefix(), day, cases.nextCodeNumber());
        return new CaseIdentity(code, Base64.getUrlEncoder().withoutPadding().encodeToString(Randomness.bytes(18)));
    }

    /**
     * A case to open under an identity drawn for it; {@code traceparent}, the trace of the request that
     * brought it (null when tracing is off), goes with its first event to the bus.
     */
    public record Opening(CaseIdentity identity, NewCase details, String traceparent) {

        public Opening(CaseIdentity identity, NewCase details) {
            this(identity, details, null);
        }
    }

    @Transactional
    public CaseFile open(CaseIdentity identity, NewCase c) {
        return openAll(List.of(new Opening(identity, c))).get(0);
    }

    /** Opens the cases in one transaction, each with its first event and outbox row, a round trip per table. */
    @Transactional
    public List<CaseFile> openAll(List<Opening> openings) {
        List<CaseFile> opened = new ArrayList<>(openings.size());
        List<CaseRepository.NewRow> rows = new ArrayList<>(openings.size());
        List<CaseBatch.Entry> events = new ArrayList<>(openings.size());
        List<CaseEventMessage> messages = new ArrayList<>(openings.size());
        Map<UUID, String> traces = new HashMap<>();
        for (Opening o : openings) {
            NewCase c = o.details();
            Instant now = c.receivedAt();
            CaseFile f = new CaseFile(Randomness.uuid(), o.identity().code(), c.channel(), CaseState.SUBMITTED, null, 1,
                    c.title(), c.content(), c.fieldCode(), c.addressee(), null, c.consentToPublish(), false, null,
                    null, now, null, clock.instant(), c.facts());
            UUID eventId = Randomness.uuid();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("channel", c.channel().name());
            details.put("attachments", c.attachments().size());
            opened.add(f);
            rows.add(new CaseRepository.NewRow(f, protector.lookupHash(o.identity().lookupSecret()), c.submitter()));
            events.add(new CaseBatch.Entry(f.id(), new CaseEvent(0, eventId, CaseEvent.SUBMIT, null,
                    CaseState.SUBMITTED, ActorRole.SUBMITTER, null, null, details, true, now), c.attachments()));
            messages.add(message(f, eventId, CaseEvent.SUBMIT, null, Actor.submitter(), now));
            traces.put(eventId, o.traceparent());
        }
        cases.insert(rows);
        append(events);
        outbox.enqueue(messages, traces::get);
        return opened;
    }

    @Transactional
    public CaseFile apply(String code, CaseAction action, Actor actor, String reason, ActionInput input) {
        CaseBatch batch = lock(List.of(code));
        CaseFile after = apply(batch, code, action, actor, reason, input);
        write(batch);
        return after;
    }

    /** Locks the cases for the rest of the caller's transaction, which must exist, to change them as a batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public CaseBatch lock(Collection<String> codes) {
        return new CaseBatch(cases.lock(codes));
    }

    /**
     * Applies an action to a case of the batch, in memory until {@link #write}. A refusal (the state
     * machine's, an unknown case, a forward without a target) is thrown before anything changes, so a
     * caller may go on with the batch after one (and the refusal does not doom its transaction).
     */
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = ApiProblem.class)
    public CaseFile apply(CaseBatch batch, String code, CaseAction action, Actor actor, String reason,
            ActionInput input) {
        CaseFile before = batch.find(code).orElseThrow(CaseService::noSuchCase);
        Instant now = clock.instant();
        TransitionContext ctx = new TransitionContext(before.state(), before.resumeState(),
                before.consentToPublish(), before.appealUsed(), appealWindowOpen(before, now));
        Transition t = decide(ctx, action, actor, reason);
        CaseFile after = effects(before, t, input, now);
        UUID eventId = Randomness.uuid();
        batch.changed(after, new CaseBatch.Entry(before.id(), new CaseEvent(0, eventId, action.name(), before.state(),
                after.state(), actor.role(), actor.id(), blankToNull(reason), details(action, input),
                Disclosure.isPublic(action), now), input.attachments()),
                message(after, eventId, action.name(), before.state(), actor, now));
        return after;
    }

    /** Writes what the batch changed: the case rows, their history in order, attachments, outbox rows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(CaseBatch batch) {
        cases.update(batch.changedRows());
        append(batch.history());
        String trace = this.trace.current();
        outbox.enqueue(batch.messages(), event -> trace);
    }

    private void append(List<CaseBatch.Entry> events) {
        history.append(events);
        events.forEach(e -> e.attachments().forEach(a -> attachments.add(e.caseId(), a, e.event().eventId(),
                e.event().occurredAt())));
    }

    /** Reads the submitter's personal data and records who read it, in one transaction (Đ17). */
    public SubmitterDetails readSubmitter(CaseFile c, Actor reader, String purpose) {
        return personalDataReads.read(new PersonalDataReads.Read(c,
                note(c, CaseEvent.READ_PERSONAL_DATA, reader, null, access(purpose))));
    }

    /** Records an access that changes nothing (a read, a refused attempt) in the case's audit history. */
    @Transactional
    public void recordAccess(CaseFile c, String what, Actor actor, String detail) {
        record(c, what, actor, null, access(detail));
    }

    /**
     * Records, in the case's internal history, a step that changes no state: a routing decision
     * held for the Central Party Office, a delivery to a body's system, a read.
     */
    @Transactional
    public UUID record(CaseFile c, String what, Actor actor, String reason, Map<String, Object> details) {
        CaseEvent note = note(c, what, actor, reason, details);
        history.append(c.id(), note);
        return note.eventId();
    }

    /** A step to record in a case's history that changes no state; see {@link #record}. */
    public record Note(String caseCode, String what, Actor actor, String reason, Map<String, Object> details) {
    }

    /** {@link #record} for many cases at once, in one round trip; a note of a case that does not exist is left out. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Note> notes) {
        Map<String, CaseFile> found = findAll(notes.stream().map(Note::caseCode).distinct().toList());
        history.append(notes.stream().filter(n -> found.containsKey(n.caseCode())).map(n -> {
            CaseFile c = found.get(n.caseCode());
            return new CaseBatch.Entry(c.id(), note(c, n.what(), n.actor(), n.reason(), n.details()), List.of());
        }).toList());
    }

    /** {@link #record}, in the batch's history, written with it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CaseBatch batch, CaseFile c, String what, Actor actor, String reason, Map<String, Object> details) {
        batch.noted(new CaseBatch.Entry(c.id(), note(c, what, actor, reason, details), List.of()));
    }

    private static Map<String, Object> access(String detail) {
        return detail == null ? Map.of() : Map.of("detail", detail);
    }

    private CaseEvent note(CaseFile c, String what, Actor actor, String reason, Map<String, Object> details) {
        return new CaseEvent(0, Randomness.uuid(), what, c.state(), c.state(), actor.role(), actor.id(), reason,
                details, false, clock.instant());
    }

    public Optional<CaseFile> find(String code) {
        return cases.find(code);
    }

    /** The case, if {@code lookupSecret} is the one given at submission; otherwise the same "not found" as an unknown code. */
    public CaseFile findForSubmitter(String code, String lookupSecret) {
        return cases.lookupSecretHash(code)
                .filter(hash -> protector.matches(lookupSecret, hash))
                .flatMap(hash -> cases.find(code))
                .orElseThrow(CaseService::noSuchCase);
    }

    /** Whether {@code email} is the address the case was submitted from (a reply by mail may act on it). */
    public boolean submittedFrom(String code, String email) {
        return cases.submittedFrom(code, email);
    }

    /** The earliest case from this address with the same title and text as a new one would have (Đ8.4). */
    public Optional<String> earlierFromSender(String email, String title, String content) {
        return cases.earlierFromSender(email, title, content);
    }

    /** The cases sent from this address under exactly this title, oldest first. */
    public List<CaseRepository.Earlier> fromSenderWithTitle(String email, String title) {
        return cases.fromSenderWithTitle(email, title);
    }

    /** The earliest other case with the same content, for duplicate screening (Đ8.4). */
    public Optional<String> earlierWithSameContent(String code) {
        return cases.earlierWithSameContent(code);
    }

    /** The submitter's view: only public events, and reasons only where the person is owed them. */
    public List<CaseEvent> publicHistory(CaseFile c) {
        return history.of(c.id(), true).stream()
                .map(e -> Disclosure.showsReason(e.action()) ? e
                        : new CaseEvent(e.seq(), e.eventId(), e.action(), e.fromState(), e.toState(), e.actorKind(),
                                null, null, Map.of(), true, e.occurredAt()))
                .toList();
    }

    public List<CaseEvent> fullHistory(CaseFile c) {
        return history.of(c.id(), false);
    }

    /** Cases by code, read together: code → case, those that do not exist left out. */
    public Map<String, CaseFile> findAll(Collection<String> codes) {
        Map<String, CaseFile> found = new HashMap<>();
        if (!codes.isEmpty()) {
            cases.findAll(codes).forEach(c -> found.put(c.code(), c));
        }
        return found;
    }

    /**
     * The reasons given with case events, read together (notifications quote them): event id → reason, for
     * each event of {@code caseOfEvent} (event id → its case's id) that is that case's and has a reason.
     */
    public Map<UUID, String> reasonsOf(Map<UUID, UUID> caseOfEvent) {
        return history.reasonsOf(caseOfEvent);
    }

    /** File {@code id} of the case, or 404 in the caller's words when the case has no such file. */
    public AttachmentStore.StoredAttachment attachmentOf(CaseFile c, long id) {
        return attachmentsOf(c).stream().filter(f -> f.id() == id).findFirst()
                .orElseThrow(() -> new ApiProblem(org.springframework.http.HttpStatus.NOT_FOUND, "Hồ sơ không có tệp số " + id,
                        "The case has no file " + id, List.of()));
    }

    /** A file of the case read by {@code actor}: the read of personal data is written in the case's history. */
    public FileDownload download(CaseFile c, AttachmentStore.StoredAttachment file, Actor actor) {
        byte[] content = attachments.content(file.sha256()).orElseThrow(() -> new IllegalStateException(
                "file " + file.id() + " of case " + c.code() + " has no stored content"));
        recordAccess(c, CaseEvent.READ_PERSONAL_DATA, actor, "download of file " + file.id() + " «" + file.name() + "»");
        return new FileDownload(file, content);
    }

    public List<AttachmentStore.StoredAttachment> attachmentsOf(CaseFile c) {
        return attachments.of(c.id());
    }

    /** {@link #attachmentsOf} for many cases in one statement: case id → attachments, cases without any left out. */
    public Map<UUID, List<AttachmentStore.StoredAttachment>> attachmentsOfAll(Collection<CaseFile> cs) {
        return attachments.ofAll(cs.stream().map(CaseFile::id).distinct().toList());
    }

    public Set<CaseAction> allowedActions(CaseFile c, ActorRole role) {
        return machine.allowedActions(new TransitionContext(c.state(), c.resumeState(), c.consentToPublish(),
                c.appealUsed(), appealWindowOpen(c, clock.instant())), role);
    }

    /** Last day to appeal (Đ14.1: 15 working days after the result), or empty before a result exists. */
    public Optional<LocalDate> appealDeadline(CaseFile c) {
        return Optional.ofNullable(c.resultPostedAt())
                .map(posted -> calendar.workingDaysAfter(calendar.dayZero(posted), APPEAL_WORKING_DAYS).day());
    }

    private boolean appealWindowOpen(CaseFile c, Instant now) {
        return appealDeadline(c).map(last -> !now.atZone(settings.timeZone()).toLocalDate().isAfter(last))
                .orElse(false);
    }

    private Transition decide(TransitionContext ctx, CaseAction action, Actor actor, String reason) {
        try {
            return machine.decide(ctx, action, actor.role(), reason);
        } catch (TransitionRefused refused) {
            HttpStatus status = TransitionRefused.REASON_REQUIRED.equals(refused.rule()) ? HttpStatus.UNPROCESSABLE_ENTITY
                    : HttpStatus.CONFLICT;
            String field = TransitionRefused.REASON_REQUIRED.equals(refused.rule()) ? "reason" : "$";
            throw new ApiProblem(status, "Thao tác không được chấp nhận", "Action refused",
                    List.of(new FieldError(field, refused.rule(), refused.messageVi(), refused.messageEn())));
        }
    }

    private CaseFile effects(CaseFile c, Transition t, ActionInput input, Instant now) {
        String agency = switch (t.action()) {
            case FORWARD -> requireTarget(input);
            case RETURN_TO_CENTRAL_OFFICE -> settings.centralOffice();
            default -> c.assignedAgency();
        };
        boolean appealUsed = c.appealUsed() || t.action() == CaseAction.APPEAL;
        Integer score = t.action() == CaseAction.RATE ? input.ratingScore() : c.ratingScore();
        Boolean agree = t.action() == CaseAction.RATE ? input.ratingAgree() : c.ratingAgree();
        Instant resultPosted = t.action() == CaseAction.POST_RESULT ? now : c.resultPostedAt();
        CaseState resume = t.to() == c.state() && t.resumeStateAfter() == null ? c.resumeState() : t.resumeStateAfter();
        return new CaseFile(c.id(), c.code(), c.channel(), t.to(), resume, c.version() + 1, c.title(), c.content(),
                fieldOf(c, t, input), c.addressee(), agency, c.consentToPublish(), appealUsed, score, agree, c.receivedAt(),
                resultPosted, now, c.facts());
    }

    /**
     * The case's Đ6 field: the submitter's choice; failing that, the one the case was forwarded under (the
     * router's reading, or staff's), so that statistics by field count every forwarded item. An item forwarded
     * as being about an administrative procedure (Đ10.2a) is in field b whatever the submitter picked: that
     * field is the procedures themselves (Đ6.1b); so is one whose words never speak of the submitter's pick and
     * clearly speak of another field. The submitter's pick stays in the submission's history.
     */
    private static String fieldOf(CaseFile c, Transition t, ActionInput input) {
        if (t.action() != CaseAction.FORWARD) {
            return c.fieldCode();
        }
        String forwarded = input.details().get(ActionInput.FIELD) instanceof String field && !field.isBlank() ? field : null;
        if (forwarded != null && (Boolean.TRUE.equals(input.details().get(ActionInput.PROCEDURE))
                || Boolean.TRUE.equals(input.details().get(ActionInput.RECLASSIFIED)))) {
            return forwarded;
        }
        return c.fieldCode() != null ? c.fieldCode() : forwarded;
    }

    private static String requireTarget(ActionInput input) {
        if (input.targetAgency() == null || input.targetAgency().isBlank()) {
            throw ApiProblem.invalid("targetAgency", "required", "Cần chọn cơ quan tiếp nhận khi chuyển (Điều 10).",
                    "Forwarding needs a target agency (Art. 10).");
        }
        return input.targetAgency();
    }

    private static Map<String, Object> details(CaseAction action, ActionInput input) {
        Map<String, Object> d = new LinkedHashMap<>(input.details());
        if (input.targetAgency() != null) {
            d.put("targetAgency", input.targetAgency());
        }
        if (action == CaseAction.RATE) {
            d.put("score", input.ratingScore());
            d.put("agree", input.ratingAgree());
        }
        if (input.text() != null) {
            d.put("text", input.text());
        }
        if (!input.attachments().isEmpty()) {
            d.put("attachments", input.attachments().size());
        }
        return d;
    }

    private CaseEventMessage message(CaseFile c, UUID eventId, String action, CaseState from, Actor actor,
            Instant at) {
        return new CaseEventMessage(CaseEventMessage.SCHEMA, eventId, c.code(), c.version(), action,
                from == null ? null : from.name(), c.state().name(), c.channel().name(), c.fieldCode(),
                c.assignedAgency(), actor.role().name(), actor.id(), at.atZone(settings.timeZone()).toOffsetDateTime());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static ApiProblem noSuchCase() {
        return ApiProblem.notFound("hồ sơ PAKN, SKGP", "case");
    }
}
