package vn.paknhub.mail;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.casefile.ActionInput;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseAction;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseRepository;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.Channel;
import vn.paknhub.casefile.NewCase;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.core.Backoff;
import vn.paknhub.core.Savepoints;
import vn.paknhub.core.problem.ApiProblem;
import vn.paknhub.core.problem.FieldError;
import vn.paknhub.core.text.ContactFinder;
import vn.paknhub.core.text.VietnameseText;
import vn.paknhub.intake.AttachmentPolicy;
import vn.paknhub.intake.ItemFactsReader;
import vn.paknhub.intake.ScopeScreen;
import vn.paknhub.intake.SubmissionRequest;
import vn.paknhub.intake.SubmissionValidator;
import vn.paknhub.intake.Submitter;
import vn.paknhub.notify.Notifications;
import vn.paknhub.notify.OutgoingMail;

/**
 * Turns a mail from the published mailbox into what it is for the regulation: a new item (with its
 * receipt, and a supplement request when Đ8 information is missing), or nothing to answer (a robot,
 * a loop, a flood), or an out-of-scope letter politely refused (Đ1.2). The mail is stored first; the
 * decision and its effects commit together, so a mail read twice, by any node, counts once.
 */
@Component
public class MailIntake {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
    private static final int RETRY_BATCH = 20;
    private static final int RETRY_LEASE_SECONDS = 120;
    private static final long MAX_BACKOFF_MS = 3_600_000;
    private static final Actor MAIL_INTAKE = new Actor(ActorRole.SYSTEM, "mail-intake");

    /** What became of a mail (mail_message.outcome). */
    public enum Outcome {
        CASE_OPENED, SUPPLEMENT_ADDED, WITHDRAWAL_REQUESTED, REPLY_REFUSED, OUT_OF_SCOPE, TOO_LARGE, NOT_ANSWERED,
        HELD_FLOOD, HELD_ATTACHMENT,
        /** The same item again from the same address (Đ8.4): no case; the answer names the first one's code. */
        DUPLICATE;

        /** Quarantined for an operator, who reads it and releases it (reprocess) or leaves it. */
        boolean held() {
            return this == HELD_FLOOD || this == HELD_ATTACHMENT;
        }
    }

    /** The decision on one mail, as the operators and the tests see it. */
    public record Decision(Outcome outcome, String reason, String caseCode) {
    }

    private final MailInbox inbox;
    private final MailSettings settings;
    private final MailReader reader;
    private final CaseService cases;
    private final CaseSettings caseSettings;
    private final SubmissionValidator validator;
    private final AttachmentPolicy attachments;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Savepoints savepoints;
    private final ScopeScreen scope = new ScopeScreen();
    private final MailThreading threading;
    private volatile boolean subjectsToFill = true;

    MailIntake(MailInbox inbox, MailSettings settings, CaseService cases, CaseSettings caseSettings,
            SubmissionValidator validator, AttachmentPolicy attachments, Notifications notifications,
            TransactionTemplate tx, Savepoints savepoints) {
        this.inbox = inbox;
        this.settings = settings;
        this.reader = new MailReader(settings.maxDepth(), settings.maxParts());
        this.threading = new MailThreading(caseSettings.codePrefix());
        this.cases = cases;
        this.caseSettings = caseSettings;
        this.validator = validator;
        this.attachments = attachments;
        this.notifications = notifications;
        this.tx = tx;
        this.savepoints = savepoints;
    }

    /**
     * For the mailbox route: stores the mail, then processes it. Returns the folder the mail goes to: once
     * stored, the hub has it, and a mail whose reading failed waits in the work queue to be read again from
     * its stored bytes ({@link #retryDue()}), not in the mailbox. Throws, leaving the mail in the mailbox
     * for the next poll, only when it could not be stored.
     */
    public String receive(byte[] raw, MailHeaders headers) {
        // one transaction: stored, then decided within a savepoint, so that a failed decision leaves the
        // mail stored with its failure counted; nothing is moved in the mailbox until this has committed
        return tx.execute(s -> {
            MailInbox.StoredMail stored = inbox.store(raw, headers);
            if (!MailInbox.RECEIVED.equals(stored.status())) {
                // read before (by this node or another): its fate is already decided
                return MailInbox.QUARANTINED.equals(stored.status()) ? settings.failedFolder() : settings.processedFolder();
            }
            if (stored.attempts() > 0) {
                // stored by an earlier poll and waiting in the work queue: the queue reads it again
                return settings.processedFolder();
            }
            try {
                savepoints.within(() -> decideAndRecord(stored.id(), raw, stored.receivedAt().toInstant(), false));
                return settings.processedFolder();
            } catch (RuntimeException failure) {
                if (storeDown(failure)) {
                    // not the mail's fault: it stays unread in the mailbox and is tried again, without counting
                    throw failure;
                }
                return failedAttempt(stored.id(), inbox.failed(stored.id(), error(failure)), failure)
                        ? settings.failedFolder() : settings.processedFolder();
            }
        });
    }

    /**
     * Reads again the stored mails whose reading failed and whose back-off has passed (the mail channel's
     * work queue: any node, each mail leased to one); the number read.
     */
    public int retryDue() {
        if (subjectsToFill) {
            // mails stored before their subjects were kept get them, a batch per tick, for the operators' filter
            subjectsToFill = tx.execute(s -> inbox.fillMissingSubjects(RETRY_BATCH)) > 0;
        }
        List<MailInbox.Due> due = inbox.claimDue(RETRY_BATCH, RETRY_LEASE_SECONDS);
        for (MailInbox.Due mail : due) {
            try {
                process(mail.id(), mail.raw(), false);
            } catch (RuntimeException failure) {
                if (storeDown(failure)) {
                    // its lease runs out and it is claimed again; the attempt is not the mail's fault
                    throw failure;
                }
                tx.executeWithoutResult(s -> failedAttempt(mail.id(), mail.attempts(), failure));
            }
        }
        return due.size();
    }

    /**
     * After a failed attempt: quarantined when it was the last (true), else due again after a back-off. One log
     * line per attempt, without the stack trace (at DEBUG): the same mail failing the same way is one story, and
     * its error is kept with it for the operator.
     */
    private boolean failedAttempt(UUID id, int attempts, RuntimeException failure) {
        String error = error(failure);
        LOG.debug("Mail {} failed (attempt {})", id, attempts, failure);
        if (attempts >= settings.maxAttempts()) {
            LOG.error("Mail {} quarantined after {} attempts: {}", id, attempts, error);
            inbox.quarantine(id, error);
            return true;
        }
        long backoff = Backoff.exponentialMs(settings.retryBackoff().toMillis(), MAX_BACKOFF_MS, attempts);
        LOG.warn("Mail {} not processed (attempt {} of {}), read again from its stored copy in {} s: {}", id, attempts,
                settings.maxAttempts(), backoff / 1000, error);
        inbox.retryAfter(id, error, Duration.ofMillis(backoff));
        return false;
    }

    private static String error(Exception failure) {
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** What becomes of a mail that could not be fetched or stored: the folder it goes to (null: left), and its wait. */
    record Unfetched(String folder, long backoffMs) {
    }

    /**
     * A mail the server would not give whole, or that could not be stored for a reason of its own (not the
     * database being away): the attempt is counted by the mail's {@code mailboxKey}, and after the last one what
     * could be had of it ({@code bytes}: the whole mail, or its header lines) is kept in quarantine, for an
     * operator, and the mail goes to the failed folder. One log line per attempt.
     */
    Unfetched unfetched(String mailboxKey, byte[] bytes, Exception failure) {
        String error = error(failure);
        LOG.debug("Mail {} not fetched or stored", mailboxKey, failure);
        return tx.execute(s -> {
            int attempts = inbox.fetchFailed(mailboxKey, error);
            if (attempts >= settings.maxAttempts()) {
                UUID id = inbox.storeUnfetched(mailboxKey, bytes, MailHeaders.of(bytes), attempts,
                        "not fetched or stored from the mailbox: " + error);
                LOG.error("Mail {} ({}) quarantined after {} attempts and moved to {}: {}", id, mailboxKey, attempts,
                        settings.failedFolder(), error);
                return new Unfetched(settings.failedFolder(), 0);
            }
            long backoff = Backoff.exponentialMs(settings.retryBackoff().toMillis(), MAX_BACKOFF_MS, attempts);
            LOG.warn("Mail {} left in the mailbox, not fetched or stored (attempt {} of {}), tried again in {} s: {}",
                    mailboxKey, attempts, settings.maxAttempts(), backoff / 1000, error);
            return new Unfetched(null, backoff);
        });
    }

    /** A mail whose earlier fetch failed was fetched after all: its count is dropped. */
    void fetched(String mailboxKey) {
        try {
            inbox.fetchSucceeded(mailboxKey);
        } catch (RuntimeException storeDown) {
            // a stale count costs nothing: the mail is stored by its own key from now on
        }
    }

    /**
     * An operator's second try of a quarantined mail (after a fix, or to release one held as a flood);
     * the read of the stored mail is logged with the operator's name.
     */
    public Decision reprocess(UUID id, String operator) {
        MailInbox.StoredMail m = inbox.find(id).orElseThrow(() -> ApiProblem.notFound("thư", "mail"));
        if (!MailInbox.QUARANTINED.equals(m.status())) {
            throw ApiProblem.invalid("$", "not-quarantined", "Chỉ xử lý lại được thư trong khu cách ly (QUARANTINED); thư"
                    + " này " + m.status() + ".", "Only a quarantined mail can be reprocessed; this one is " + m.status() + ".");
        }
        byte[] raw = tx.execute(s -> inbox.raw(id, operator, "reprocess"));
        try {
            return process(id, raw, true).orElseThrow();
        } catch (RuntimeException stillFailing) {
            if (storeDown(stillFailing)) {
                throw stillFailing;
            }
            String error = stillFailing.getClass().getSimpleName() + ": " + stillFailing.getMessage();
            tx.executeWithoutResult(s -> inbox.failed(id, error));
            throw ApiProblem.invalid("$", "still-failing", "Thư vẫn chưa xử lý được: " + error,
                    "The mail still cannot be processed: " + error);
        }
    }

    /**
     * An operator's judgement that a mail the hub set aside is an item after all: one taken for a robot's
     * (NOT_ANSWERED), one refused as out of scope, or one held in quarantine. The case opens from the stored
     * mail as if it had just been read (receipt, supplement request when Đ8 information is missing); the case's
     * history and the mail's record name the operator.
     */
    public Decision openAsCase(UUID id, String operator) {
        return tx.execute(s -> {
            MailInbox.StoredMail m = inbox.lock(id).orElseThrow(() -> ApiProblem.notFound("thư", "mail"));
            if (!m.openableAsCase()) {
                throw ApiProblem.invalid("$", "not-set-aside", "Chỉ mở hồ sơ được từ thư bị giữ, thư coi là tự động hoặc thư"
                        + " bị từ chối vì ngoài phạm vi; thư này: " + m.status() + (m.outcome() == null ? "" : " / " + m.outcome())
                        + ".", "Only a held, robot-classified or out-of-scope mail can be opened as a case; this one is "
                                + m.status() + (m.outcome() == null ? "" : " / " + m.outcome()) + ".");
            }
            ReadMail mail = readStored(inbox.raw(id, operator, "open as case")).orElseThrow(() -> ApiProblem.invalid("$",
                    "unreadable", "Thư không đọc được theo MIME.", "The mail cannot be read as MIME."));
            if (mail.fromAddress() == null) {
                throw ApiProblem.invalid("from", "required", "Thư không có địa chỉ người gửi để trả lời.",
                        "The mail has no sender address to answer.");
            }
            String was = m.status() + (m.outcome() == null ? "" : " " + m.outcome());
            String code = openCase(mail, item(mail), m.receivedAt().toInstant());
            cases.record(cases.find(code).orElseThrow(), "OPENED_FROM_SET_ASIDE_MAIL",
                    new Actor(ActorRole.CENTRAL_OFFICE, operator), null, Map.of("mail", id.toString(), "was", was));
            String reason = "opened as a case by " + operator + " (was " + was + ")";
            inbox.processed(id, Outcome.CASE_OPENED.name(), reason, code);
            return new Decision(Outcome.CASE_OPENED, reason, code);
        });
    }

    /** The stored mail read as the hub reads it (sender, subject, text), or empty when it is not MIME. */
    Optional<ReadMail> readStored(byte[] raw) {
        try {
            return Optional.of(reader.read(raw));
        } catch (MessagingException | IOException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * Decides a stored mail and applies the decision in one transaction, once: a mail already
     * decided is left as it is. {@code byOperator} lifts the flood hold (an operator released it).
     */
    private Optional<Decision> process(UUID id, byte[] raw, boolean byOperator) {
        return tx.execute(s -> {
            MailInbox.StoredMail m = inbox.lock(id).orElseThrow();
            if (MailInbox.PROCESSED.equals(m.status())) {
                return Optional.<Decision>empty();
            }
            return Optional.of(decideAndRecord(id, raw, m.receivedAt().toInstant(), byOperator));
        });
    }

    /** Decides a stored mail and records what became of it, in the caller's transaction. */
    private Decision decideAndRecord(UUID id, byte[] raw, Instant receivedAt, boolean byOperator) {
        Decision d = decide(id, raw, receivedAt, byOperator);
        if (d.outcome().held()) {
            inbox.failed(id, d.reason());
            inbox.quarantine(id, d.reason());
        } else {
            inbox.processed(id, d.outcome().name(), d.reason(), d.caseCode());
        }
        return d;
    }

    /** The database cannot be reached or asked to try later: nobody's fault, least of all the mail's. */
    static boolean storeDown(RuntimeException e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessException
                || e instanceof CannotCreateTransactionException;
    }

    private Decision decide(UUID id, byte[] raw, Instant receivedAt, boolean byOperator) {
        ReadMail mail;
        try {
            mail = reader.read(raw);
        } catch (MessagingException | IOException unreadable) {
            throw new IllegalStateException("the mail cannot be read as MIME: " + unreadable.getMessage(), unreadable);
        }
        if (mail.fromAddress() == null) {
            return new Decision(Outcome.NOT_ANSWERED, "no sender address", null);
        }
        if (mail.fromAddress().equalsIgnoreCase(settings.address())) {
            return new Decision(Outcome.NOT_ANSWERED, "sent from the hub's own address", null);
        }
        if (mail.automated() != null) {
            return new Decision(Outcome.NOT_ANSWERED, "automated: " + mail.automated(), null);
        }
        if (raw.length > settings.maxMessageSize().toBytes()) {
            boolean sent = reply(id, mail, "mail-too-large", "Thư dung lượng " + raw.length / 1024
                    + " KB, vượt giới hạn " + settings.maxMessageSize().toKilobytes() + " KB.");
            return new Decision(Outcome.TOO_LARGE, answered(sent, raw.length + " bytes"), null);
        }
        if (!byOperator) {
            Optional<AttachmentPolicy.Refused> suspect = files(mail).refused().stream()
                    .filter(AttachmentPolicy.Refused::suspect).findFirst();
            if (suspect.isPresent()) {
                // an executable, a damaged archive, a zip bomb: nobody acts on this mail before a person has
                // looked; released, it goes on without that file, which the case and the answer name
                return new Decision(Outcome.HELD_ATTACHMENT, "tệp «" + suspect.get().fileName() + "» bị giữ lại: "
                        + suspect.get().reason() + " (attachment held for an operator: " + suspect.get().rule() + ")", null);
            }
        }
        Optional<String> repliedTo = repliedCase(mail);
        if (repliedTo.isPresent()) {
            return followUp(id, mail, repliedTo.get());
        }
        Item item = item(mail);
        Optional<String> outOfScope = scope.outOfScopeEvidence(item.title(), item.content());
        if (outOfScope.isPresent()) {
            boolean sent = reply(id, mail, "mail-out-of-scope", outOfScope.get());
            return new Decision(Outcome.OUT_OF_SCOPE, answered(sent, outOfScope.get()), null);
        }
        Optional<String> first = sameItemSentBefore(mail, item);
        if (first.isPresent()) {
            boolean sent = answerOnCase(id, mail, first.get(), "mail-duplicate", Map.of());
            return new Decision(Outcome.DUPLICATE, answered(sent, "the same title and text as " + first.get()
                    + ", sent before from this address (Đ8.4): no second case"), first.get());
        }
        if (!byOperator && inbox.casesFromSender(mail.fromAddress(), Duration.ofDays(1)) >= settings.dailyCasesPerSender()) {
            return new Decision(Outcome.HELD_FLOOD, "more than " + settings.dailyCasesPerSender()
                    + " items from this address in 24 hours (Đ18.5): held for an operator", null);
        }
        return new Decision(Outcome.CASE_OPENED, null, openCase(mail, item, receivedAt));
    }

    /**
     * The case a reply belongs to: named by its tracking code (subject tag, quoted receipt), by the person's
     * own earlier mail in its In-Reply-To or References, or by a mail the hub sent about the case (a receipt,
     * a request for a supplement: mail programs that quote nothing else); only when the mail comes from the
     * address the case was submitted from, so nobody acts on another person's case by quoting its code.
     */
    private Optional<String> repliedCase(ReadMail mail) {
        return threading.codeIn(mail.subject(), mail.text()).or(() -> inbox.caseOfMessages(mail.references()))
                .or(() -> notifications.caseOfSent(mail.references().stream().map(OutgoingMail::notificationOf)
                        .flatMap(Optional::stream).toList()))
                .filter(code -> cases.find(code).isPresent() && cases.submittedFrom(code, mail.fromAddress()));
    }

    /**
     * The case this address opened before with the very item this mail carries (the same title and text as its
     * case would have, whatever the Message-ID): a person sending their item again, often because no answer came
     * yet, is told where it stands instead of getting a second case.
     */
    private Optional<String> sameItemSentBefore(ReadMail mail, Item item) {
        SubmissionRequest normal = new SubmissionRequest(item.title(), item.content(), null, null, null, null, null)
                .normalized();
        if (normal.title() == null || normal.content() == null) {
            return Optional.empty();
        }
        Optional<String> exact = cases.earlierFromSender(mail.fromAddress(), normal.title(), normal.content());
        if (exact.isPresent()) {
            return exact;
        }
        // sent again with a line of its own above ("Tôi gửi lại thư này vì chưa nhận được phản hồi"): the same title, the
        // earlier text whole at the end, and no more than a short note before it
        String now = VietnameseText.fold(normal.content());
        return cases.fromSenderWithTitle(mail.fromAddress(), normal.title()).stream().filter(earlier -> {
            String before = VietnameseText.fold(earlier.content());
            return before.length() >= 30 && now.endsWith(before) && now.length() - before.length() <= RESEND_NOTE_MAX;
        }).map(CaseRepository.Earlier::code).findFirst();
    }

    /** The longest note a person puts above an item they send again (in letters, folded). */
    private static final int RESEND_NOTE_MAX = 300;

    /**
     * An answer about an existing case to a mail that opened none (a resend), to the case's submitter (the
     * mail's sender), threaded onto the mail; counted with the refusals against the daily cap of answers.
     */
    private boolean answerOnCase(UUID mailId, ReadMail mail, String code, String template, Map<String, String> values) {
        if (inbox.answersToSender(mail.fromAddress(), Duration.ofDays(1)) >= settings.dailyAnswersPerSender()) {
            return false;
        }
        notifications.planMessage(mailId, code, template, null, values, mail.messageId());
        return true;
    }

    /** A reply on a case: a withdrawal request when the person asks for it (Đ11.4b), else a supplement (Đ11.2b). */
    private Decision followUp(UUID mailId, ReadMail mail, String code) {
        String words = MailThreading.ownWords(mail.text());
        boolean withdrawal = MailThreading.asksToWithdraw(words);
        AttachmentPolicy.Sorted files = files(mail);
        try {
            // each step all or nothing: a refusal must leave the mail's own record writable
            CaseFile applied = savepoints.within(() -> withdrawal
                    ? cases.apply(code, CaseAction.REQUEST_WITHDRAWAL, Actor.submitter(), words, ActionInput.NONE)
                    : cases.apply(code, CaseAction.ADD_SUPPLEMENT, Actor.submitter(), null,
                            ActionInput.supplement(words, files.accepted())));
            if (!withdrawal) {
                recordRefused(applied, files.refused());
            }
            // the person hears that the reply reached the case (and which files of it were not taken); a withdrawal
            // request is answered again once an officer decides it (Đ11.4: within 3 working days)
            notifications.planMessage(mailId, code, withdrawal ? "mail-withdrawal-received" : "mail-supplement-received",
                    null, Map.of("notes", withdrawal ? "" : refusedNotes(files)), mail.messageId());
            return new Decision(withdrawal ? Outcome.WITHDRAWAL_REQUESTED : Outcome.SUPPLEMENT_ADDED, null, code);
        } catch (ApiProblem refused) {
            String why = refused.errors().isEmpty() ? refused.titleVi() : refused.errors().get(0).message();
            notifications.planMessage(mailId, code, "mail-reply-refused", null, Map.of("reason", why), mail.messageId());
            return new Decision(Outcome.REPLY_REFUSED, why, code);
        }
    }

    /**
     * Each file the hub did not take, named in the case's history with the reason (the person is told in the
     * receipt or acknowledgement): an officer reading the case knows the mail carried more than the case holds.
     */
    private void recordRefused(CaseFile c, List<AttachmentPolicy.Refused> refused) {
        for (AttachmentPolicy.Refused r : refused) {
            cases.record(c, "ATTACHMENT_REFUSED", MAIL_INTAKE, r.reason(), Map.of("file", r.fileName(), "rule", r.rule()));
        }
    }

    /** The files not taken, one line each with the reason, for the person's receipt or acknowledgement. */
    private static String refusedNotes(AttachmentPolicy.Sorted files) {
        return String.join("\n", files.refused().stream()
                .map(r -> "Tệp «" + r.fileName() + "» không được nhận: " + r.reason()).toList());
    }

    /** The mail's files judged by content: kept, or named with the reason they were not. */
    private AttachmentPolicy.Sorted files(ReadMail mail) {
        return attachments.sort(mail.attachments().stream()
                .map(a -> new AttachmentPolicy.Upload(a.fileName(), a.content())).toList());
    }

    private String openCase(ReadMail mail, Item item, Instant receivedAt) {
        String name = mail.fromName() != null && !mail.fromName().isBlank() ? mail.fromName()
                : mail.fromAddress().substring(0, mail.fromAddress().indexOf('@'));
        Submitter who = new Submitter(name, null, ContactFinder.address(mail.text()).orElse(null),
                ContactFinder.phone(mail.text()).orElse(null), mail.fromAddress(), null, null);
        SubmissionRequest request = new SubmissionRequest(item.title(), item.content(), null, null, who, Boolean.FALSE, null)
                .normalized();
        List<String> missing = new ArrayList<>();
        for (FieldError e : validator.validate(request)) {
            missing.add("- " + e.message());
        }
        AttachmentPolicy.Sorted files = files(mail);
        List<String> notes = new ArrayList<>(mail.limits());
        if (!files.refused().isEmpty()) {
            notes.add(refusedNotes(files));
        }

        CaseService.CaseIdentity identity = cases.newIdentity();
        Submitter s = request.submitter();
        // a mail has no form: its kind and its sender's type are read from it, the sender's name as the mail gives
        // it (an address's local part is no person's name)
        CaseFile opened = cases.open(identity, new NewCase(Channel.EMAIL, request.title(), request.content(), null, null,
                false, new SubmitterDetails(s.fullName(), null, s.address(), s.phone(), s.email(), null),
                files.accepted(), receivedAt, ItemFactsReader.read(request.title(), request.content(),
                        VietnameseText.singleLine(mail.fromName()))));
        UUID submitted = cases.fullHistory(opened).get(0).eventId();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("secret", identity.lookupSecret());
        values.put("notes", notes.isEmpty() ? "" : String.join("\n", notes));
        notifications.planMessage(submitted, opened.code(), "mail-received", null, values, mail.messageId());
        recordRefused(opened, files.refused());
        cases.earlierWithSameContent(opened.code()).ifPresent(earlier -> cases.record(opened, "POSSIBLE_DUPLICATE",
                MAIL_INTAKE, null, Map.of("of", earlier)));
        if (!missing.isEmpty()) {
            // Đ8: the item is kept and the person asked for what is missing, never dropped
            cases.apply(opened.code(), CaseAction.REQUEST_SUPPLEMENT,
                    new Actor(ActorRole.CENTRAL_OFFICE, caseSettings.centralOffice()),
                    "Thư gửi PAKN, SKGP còn thiếu thông tin theo Điều 8:\n" + String.join("\n", missing),
                    ActionInput.NONE);
        }
        return opened.code();
    }

    /**
     * An answer to a mail that opened no case, to its sender, threaded onto it; once per mail, and at
     * most {@code dailyAnswersPerSender} a day to one address (someone sending the same refused letter
     * all day gets one answer, not hundreds). Says whether it was sent.
     */
    private boolean reply(UUID mailId, ReadMail mail, String template, String reason) {
        if (inbox.answersToSender(mail.fromAddress(), Duration.ofDays(1)) >= settings.dailyAnswersPerSender()) {
            return false;
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", mail.fromName() == null || mail.fromName().isBlank() ? mail.fromAddress() : mail.fromName());
        values.put("title", item(mail).title());
        values.put("reason", reason);
        notifications.planMessage(mailId, null, template, mail.fromAddress(), values, mail.messageId());
        return true;
    }

    private static String answered(boolean sent, String reason) {
        return sent ? reason : "unanswered: daily answer cap for this address reached; " + reason;
    }

    /** The longest title a case takes (SubmissionValidator), in letters (code points). */
    static final int TITLE_MAX = 300;
    private static final java.util.regex.Pattern REPLY_PREFIX = java.util.regex.Pattern.compile(
            "(?iu)^((re|fw|fwd|tl|trả lời|chuyển tiếp)\\s*:\\s*)+");

    /** An item as a mail gives it: its title and its content. */
    record Item(String title, String content) {
    }

    /**
     * The item a mail carries. The title is the subject without the reply and forward prefixes ("Re:", "Fwd:",
     * "TL:"), else the subject of the mail it forwards, else its first line. A subject longer than a case title
     * may be is not lost: the title is cut at a word with "…", and the whole subject opens the content, so that
     * every word the person wrote is in the case.
     */
    static Item item(ReadMail mail) {
        String subject = stripPrefixes(mail.subject());
        if (subject.isEmpty() && mail.forwardedSubject() != null) {
            subject = stripPrefixes(mail.forwardedSubject());
        }
        if (!subject.isEmpty()) {
            if (subject.codePointCount(0, subject.length()) <= TITLE_MAX) {
                return new Item(subject, mail.text());
            }
            return new Item(cut(subject, TITLE_MAX), "Tiêu đề thư: " + subject + "\n\n" + mail.text());
        }
        String firstLine = mail.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .orElse("Thư không có tiêu đề");
        return new Item(firstLine.codePointCount(0, firstLine.length()) > 120 ? cut(firstLine, 121) : firstLine, mail.text());
    }

    private static String stripPrefixes(String subject) {
        return subject == null ? "" : REPLY_PREFIX.matcher(subject).replaceFirst("").strip();
    }

    /** At most {@code max} letters, the last one "…", cut after a whole word where there is one in the last fifth. */
    private static String cut(String s, int max) {
        String head = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int space = head.lastIndexOf(' ');
        if (space > head.length() * 4 / 5) {
            head = head.substring(0, space);
        }
        return head.stripTrailing() + "…";
    }
}
