package vn.paknhub.mail;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;

/** Mails quarantined after repeated failures, read again from their stored bytes (the read is logged). */
@Component
class QuarantinedMail implements ParkedWork {

    private final MailInbox inbox;
    private final MailIntake intake;

    QuarantinedMail(MailInbox inbox, MailIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Override
    public String kind() {
        return "mail";
    }

    @Override
    public List<Item> parked(int limit) {
        return inbox.withStatus(MailInbox.QUARANTINED, limit).stream().map(m -> new Item(kind(), m.id().toString(),
                m.caseCode(), "mail of " + m.sizeBytes() + " bytes received " + m.receivedAt(), m.attempts(), m.lastError()))
                .toList();
    }

    @Override
    public boolean replay(String id, String operator) {
        return ParkedWork.uuid(id).filter(u -> inbox.find(u).filter(m -> MailInbox.QUARANTINED.equals(m.status())).isPresent())
                .map(u -> intake.reprocess(u, operator) != null).orElse(false);
    }
}
