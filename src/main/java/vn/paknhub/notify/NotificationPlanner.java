package vn.paknhub.notify;

import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.bus.ConsumerInbox;

/**
 * Plans the submitter's notifications from the case-event bus: a batch of events, its dedupe
 * records and its notification rows in one transaction, so that a redelivered event never plans a
 * second message. Sending is someone else's work ({@link NotificationSender}): a failing mail or
 * SMS gateway never holds the bus back.
 */
@Component
class NotificationPlanner {

    static final String CONSUMER = "notifier";

    private final Notifications notifications;
    private final ConsumerInbox inbox;
    private final TransactionTemplate tx;
    private final List<Notifications.Channel> channels;

    private final NotificationTemplates templates;

    NotificationPlanner(Notifications notifications, ConsumerInbox inbox, TransactionTemplate tx,
            NotificationSettings settings, NotificationTemplates templates) {
        this.templates = templates;
        this.notifications = notifications;
        this.inbox = inbox;
        this.tx = tx;
        this.channels = settings.sms().sends() ? List.of(Notifications.Channel.EMAIL, Notifications.Channel.SMS)
                : List.of(Notifications.Channel.EMAIL);
    }

    public void plan(List<Exchange> records) {
        tx.executeWithoutResult(s -> inbox.firstSeen(CONSUMER, records,
                e -> NotificationPolicy.templateFor(e.action(), e.fromState()).isPresent())
                .stream().filter(e -> notifications.submitterToBeTold(e.eventId()))
                .forEach(e -> {
                    String template = NotificationPolicy.templateFor(e.action(), e.fromState()).orElseThrow();
                    notifications.plan(e.eventId(), e.caseCode(), template, channelsFor(template));
                }));
    }

    /** E-mail and SMS where the submitter has them; a printed letter where they have neither and the template one. */
    private List<Notifications.Channel> channelsFor(String template) {
        if (!templates.hasLetter(template)) {
            return channels;
        }
        List<Notifications.Channel> all = new java.util.ArrayList<>(channels);
        all.add(Notifications.Channel.LETTER);
        return all;
    }
}
