package vn.paknhub.sla;

import java.util.List;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.paknhub.bus.ConsumerInbox;

/** Moves the cases' clocks from the case-event bus: a poll in one transaction, each event once. */
@Component
class ClockKeeper {

    static final String CONSUMER = "sla-clocks";

    private final CaseClocks clocks;
    private final ConsumerInbox inbox;
    private final TransactionTemplate tx;

    ClockKeeper(CaseClocks clocks, ConsumerInbox inbox, TransactionTemplate tx) {
        this.clocks = clocks;
        this.inbox = inbox;
        this.tx = tx;
    }

    public void keep(List<Exchange> records) {
        tx.executeWithoutResult(s -> inbox.firstSeen(CONSUMER, records, any -> true).forEach(clocks::apply));
    }
}
