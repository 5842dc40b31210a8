package vn.paknhub.notify;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.paknhub.core.ParkedWork;

/** Messages to submitters the mail server or SMS gateway kept refusing, sent again with a fresh budget. */
@Component
class ParkedNotifications implements ParkedWork {

    private final Notifications notifications;

    ParkedNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public String kind() {
        return "notification";
    }

    @Override
    public List<Item> parked(int limit) {
        return notifications.parked(limit).stream().map(n -> new Item(kind(), n.id().toString(), n.caseCode(),
                n.template() + " by " + n.channel().toLowerCase(), n.attempts(), n.lastError())).toList();
    }

    @Override
    public boolean replay(String id, String operator) {
        return ParkedWork.uuid(id).map(notifications::replay).orElse(false);
    }
}
