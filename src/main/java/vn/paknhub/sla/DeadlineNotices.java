package vn.paknhub.sla;

import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import vn.paknhub.agency.AgencyDirectory;
import vn.paknhub.casefile.CaseFile;
import vn.paknhub.casefile.CaseSettings;
import vn.paknhub.delivery.Deliveries;
import vn.paknhub.notify.Notifications;

/**
 * Tells the body whose turn it is of a deadline of its case (Đ13.2, seed 003's reminders): by email
 * to its officers' mailbox when the agency list names one, and through its connected system as a
 * status update, in the caller's transaction, once per deadline event. A case no body holds yet is
 * the Central Party Office's to classify.
 */
@Component
class DeadlineNotices {

    private final AgencyDirectory agencies;
    private final Deliveries deliveries;
    private final Notifications notifications;
    private final CaseSettings settings;

    DeadlineNotices(AgencyDirectory agencies, Deliveries deliveries, Notifications notifications, CaseSettings settings) {
        this.agencies = agencies;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.settings = settings;
    }

    /** {@code status} is the status-update v1 status, {@code template} the operators' email template. */
    void tell(CaseFile c, UUID event, String status, String template, String text) {
        tell(c.assignedAgency() == null ? settings.centralOffice() : c.assignedAgency(), c, event, status, template, text);
    }

    void tell(String agency, CaseFile c, UUID event, String status, String template, String text) {
        String name = agencies.find(agency).map(AgencyDirectory.Agency::nameVi).orElse(agency);
        agencies.mailbox(agency).ifPresent(box -> notifications.planMessage(event, c.code(), template, box,
                Map.of("name", name, "reason", text), null));
        deliveries.leadSystem(c.code(), agency).ifPresent(lead -> deliveries.planNotice(c, agency, lead, event, status));
    }
}
