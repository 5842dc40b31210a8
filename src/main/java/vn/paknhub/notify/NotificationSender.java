package vn.paknhub.notify;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.Actor;
import vn.paknhub.casefile.ActorRole;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseService;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.casefile.SubmitterDetails;
import vn.paknhub.notify.Notifications.Channel;
import vn.paknhub.notify.Notifications.Notification;
import vn.paknhub.notify.NotificationTemplates.Rendered;

/**
 * Sends what is due: reads the submitter's address from the case (the read is logged, Đ17), fills
 * the operators' template and hands it to the mail server or the SMS gateway. A failure is retried
 * with back-off and, after the budget, parked with its reason. The messages of a batch that their
 * servers took are marked sent together, in one statement, once the batch is done: at least once,
 * and twice only for those of the batch in hand if the node dies before that statement.
 */
@Component
public class NotificationSender implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSender.class);
    private static final Actor NOTIFIER = new Actor(ActorRole.SYSTEM, "notifier");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final NotificationTemplates templates;
    private final NotificationSettings settings;
    private final CaseService cases;
    private final CaseSettings caseSettings;
    private final AgencyDirectory agencies;
    private final ProducerTemplate producer;
    private final Clock clock;
    private final ExecutorService senders;
    private final LetterPrinter printer;
    private final Letters letters;

    public NotificationSender(Notifications notifications, NotificationTemplates templates, NotificationSettings settings,
            CaseService cases, CaseSettings caseSettings, AgencyDirectory agencies, ProducerTemplate producer, Clock clock,
            org.springframework.beans.factory.ObjectProvider<LetterPrinter> printer, Letters letters) {
        this.printer = printer.getIfAvailable();
        this.letters = letters;
        this.notifications = notifications;
        this.templates = templates;
        this.settings = settings;
        this.cases = cases;
        this.caseSettings = caseSettings;
        this.agencies = agencies;
        this.producer = producer;
        this.clock = clock;
        this.senders = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Called by the notification timer: sends what is due on {@code concurrency} threads (a mail
     * server answers in tens of milliseconds; one at a time could not keep up with intake) and
     * returns once the batch is done, so that batches never overlap on one node.
     */
    public int sendDue() {
        List<Notification> due = notifications.claimDue(settings.batchSize(), settings.leaseSeconds());
        Batch batch = read(due);
        List<UUID> sent = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture.allOf(due.stream().map(n -> CompletableFuture.runAsync(() -> {
            if (sendOne(n, batch)) {
                sent.add(n.id());
            }
        }, senders)).toArray(CompletableFuture[]::new)).join();
        if (!sent.isEmpty()) {
            notifications.markSent(sent);
        }
        return sent.size();
    }

    /** The cases of a batch and the reasons its messages quote, read in two statements rather than two per message. */
    private record Batch(Map<String, CaseFile> cases, Map<UUID, String> reasons) {
    }

    private Batch read(List<Notification> due) {
        Map<String, CaseFile> found = cases.findAll(due.stream().map(Notification::caseCode).filter(Objects::nonNull)
                .distinct().toList());
        Map<UUID, UUID> caseOfEvent = new HashMap<>();
        for (Notification n : due) {
            CaseFile c = found.get(n.caseCode());
            if (c != null && n.eventId() != null) {
                caseOfEvent.put(n.eventId(), c.id());
            }
        }
        return new Batch(found, cases.reasonsOf(caseOfEvent));
    }

    private boolean sendOne(Notification n, Batch batch) {
        try {
            send(n, batch);
            return true;
        } catch (Exception e) {
            String error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (n.attempts() >= settings.maxAttempts()) {
                LOG.error("Notification {} ({} of case {}) parked after {} attempts: {}", n.id(), n.template(),
                        n.caseCode(), n.attempts(), error);
                notifications.park(n.id(), error);
            } else {
                LOG.warn("Notification {} of case {} failed (attempt {}), retried: {}", n.id(), n.caseCode(),
                        n.attempts(), error);
                notifications.retryLater(n.id(), error, clock.instant().plusMillis(settings.backoffMs(n.attempts())));
            }
            return false;
        }
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    private void send(Notification n, Batch batch) {
        Map<String, String> values = new HashMap<>();
        values.put("date", DATE.format(clock.instant().atZone(caseSettings.timeZone())));
        String email = n.recipient();
        String phone = null;
        if (n.caseCode() != null) {
            CaseFile c = batch.cases().get(n.caseCode());
            if (c == null) {
                throw new NoSuchElementException("no case " + n.caseCode());
            }
            values.put("code", c.code());
            values.put("title", c.title());
            values.put("reason", batch.reasons().getOrDefault(n.eventId(), ""));
            values.put("agency", c.assignedAgency() == null ? "" : agencies.find(c.assignedAgency())
                    .map(a -> a.nameVi()).orElse(c.assignedAgency()));
            values.put("lookupUrl", settings.lookupUrl().replace("{code}", c.code()));
            if (email == null) {
                // a message to the submitter; one with its own recipient (a body's mailbox) reads nothing personal
                SubmitterDetails who = cases.readSubmitter(c, NOTIFIER, "notification " + n.template() + " by " + n.channel());
                values.put("name", who.fullName());
                values.put("address", who.address() == null ? "" : who.address());
                email = who.email();
                phone = who.phone();
            }
        }
        values.putAll(n.values());
        if (n.channel() == Channel.LETTER) {
            // a letter to post: printed now, kept (encrypted) for the clerks who post it; "sent" means ready to post
            if (printer == null) {
                throw new IllegalStateException("no letter printer: the paper channel's letters are not configured");
            }
            letters.keep(n.id(), n.caseCode(), n.template(), printer.letter(n.template(), values, n.caseCode(),
                    clock.instant().atZone(caseSettings.timeZone()).toLocalDate()));
            return;
        }
        Rendered message = templates.render(n.template(), n.channel(), values);
        if (n.channel() == Channel.EMAIL) {
            OutgoingMail.send(producer, email, message, n.inReplyTo(), OutgoingMail.messageId(n.id(), settings.from()),
                    settings.replyTo());
        } else {
            Map<String, Object> headers = new HashMap<>();
            headers.put("PaknPhone", phone);
            headers.put("PaknReference", n.id().toString());
            producer.requestBodyAndHeaders("direct:notify-sms", message.body(), headers);
        }
    }
}
