package vn.paknhub.core;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Work the hub could not finish by itself and keeps for an operator: a delivery a partner kept refusing,
 * a notification the mail server refused, a daily report, a mail that failed again and again, a status
 * update whose words no mapping knows. Each kind lists what it parked and takes it up again the same way
 * (operations' {@code /api/v1/parked}); its own API stays for what only it can do.
 */
public interface ParkedWork {

    /** One parked item: what it is, its case (if any), a line saying which one, attempts so far, why. */
    record Item(String kind, String id, String caseCode, String what, int attempts, String reason) {
    }

    /** The kind's name in the API: delivery, notification, daily-report, mail, status-update. */
    String kind();

    List<Item> parked(int limit);

    /**
     * Takes the item up again (sent again with a fresh budget, or processed again) on behalf of
     * {@code operator}; false when no such item is parked.
     */
    boolean replay(String id, String operator);

    /** An id of the API as the UUID most kinds use; nothing for a string that is not one (no such item). */
    static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException notOne) {
            return Optional.empty();
        }
    }
}
